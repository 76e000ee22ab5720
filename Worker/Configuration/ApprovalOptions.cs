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
}
