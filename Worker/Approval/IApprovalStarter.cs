namespace Worker.Approval;

/// <summary>
/// The hand-off from intake to approval: the StartApproval follow-up committed with the Received document, which the relay
/// enqueues as a Hangfire job with the document's id. It must be safe to run twice.
/// </summary>
public interface IApprovalStarter
{
    Task StartAsync(Guid documentId, CancellationToken ct);
}
