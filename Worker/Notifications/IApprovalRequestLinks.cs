using Worker.Persistence;

namespace Worker.Notifications;

/// <summary>
/// The links an approval request or reminder carries, issued as it is sent: Approval implements it, since it owns link tokens and
/// its pages' addresses, so the delivery job does not use Approval.
/// </summary>
public interface IApprovalRequestLinks
{
    /// <summary>A new link to the step's page and to the approver's queue, each stored on the claim by hash only; earlier links stop working.</summary>
    Task<(string Link, string QueueLink)> IssueAsync(OutboxClaim claim, ApprovalStep step, DateTimeOffset now, CancellationToken ct);
}
