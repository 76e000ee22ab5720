namespace Worker.Configuration;

/// <summary><c>Worker:Approval</c>: limits of the approval pages and how often reminders and expiry are checked.</summary>
public sealed class ApprovalOptions
{
    /// <summary>Requests to /approve per client address and minute; more get 429.</summary>
    public int RequestsPerMinute { get; set; } = 30;
    /// <summary>Longest accepted rejection reason, in characters.</summary>
    public int ReasonMaxLength { get; set; } = 500;
    /// <summary>How often, inside office hours, reminders and expiry are checked.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Longest time pdftoppm may take for one page image of the approval page; a slower page shows a plain message.</summary>
    public TimeSpan PreviewTimeout { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Address-space limit of one page render, in megabytes.</summary>
    public int PreviewMemoryMegabytes { get; set; } = 768;
    /// <summary>Pages shown as images; later pages are read in the PDF.</summary>
    public int PreviewMaxPages { get; set; } = 40;
}
