namespace Worker.Approval;

/// <summary>
/// The hand-off from intake to approval: intake enqueues this as a Hangfire job with the new document's id
/// (<c>Enqueue&lt;IApprovalStarter&gt;(s =&gt; s.StartAsync(id, CancellationToken.None))</c>). It must be safe to run twice.
/// </summary>
public interface IApprovalStarter
{
    Task StartAsync(Guid documentId, CancellationToken ct);
}
