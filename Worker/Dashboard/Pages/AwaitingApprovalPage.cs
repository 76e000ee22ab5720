using Worker.Persistence;

namespace Worker.Dashboard.Pages;

/// <summary>"Awaiting approval": who must answer, since when, reminders sent, and whether the email actually left.</summary>
public sealed class AwaitingApprovalPage() : WorkerPage("Awaiting approval")
{
    protected override void Render()
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var pending = Services.GetRequiredService<DocumentQueries>().AwaitingApprovalAsync(CancellationToken.None).GetAwaiter().GetResult();
        Table(["Document", "Route", "Approver", "Waiting", "Link expires", "Reminders", "Email"],
            pending.Select(p => new[]
            {
                DocumentLink(p.DocumentId, p.Title), Encode(p.Route), Encode(p.Approver), Age(p.AskedAt, now), Wita(p.ExpiresAt),
                p.RemindersSent.ToString(),
                p.EmailState == "Sent" ? "sent" : $"<span class=\"text-danger\">email not sent yet</span> {Encode(p.EmailError)}",
            }),
            "Nothing is waiting for an approver.");
    }
}
