using Worker.Persistence;

namespace Worker.Dashboard.Pages;

/// <summary>"Awaiting approval": who must answer, since when, reminders sent, and whether the email actually left.</summary>
public sealed class AwaitingApprovalPage() : WorkerPage("Awaiting approval")
{
    protected override void Render()
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var pending = Services.GetRequiredService<DocumentQueries>().AwaitingApprovalAsync(CancellationToken.None).GetAwaiter().GetResult();
        string[] headers = ["Document", "Route", "Approver", "Waiting", "Link expires", "Reminders", "Email"];
        Table(CanAct ? [.. headers, "Actions"] : headers,
            pending.Select(p => WithActions(new[]
            {
                DocumentLink(p.DocumentId, p.Title), Encode(p.Route), Encode(p.Approver), Age(p.AskedAt, now), Wita(p.ExpiresAt),
                p.RemindersSent.ToString(),
                p.EmailState == "Sent" ? "sent" : $"<span class=\"text-danger\">email not sent yet</span> {Encode(p.EmailError)}",
            }, () => Actions(p))),
            "Nothing is waiting for an approver.");
    }

    private string Actions(PendingApproval p) =>
        ActionForms.Button(Url, OperatorCommand.Resend, p.StepId, "Resend link",
            $"Kirim ulang tautan ke {p.Approver}? / Send {p.Approver} a new link? The current link stops working.")
        + ActionForms.Cancel(Url, p.DocumentId);
}
