namespace Worker.Signing;

/// <summary>
/// The hand-off from approval to signing: when the last approver agrees, approval enqueues this as a Hangfire job with the
/// document's id (<c>Enqueue&lt;ISigningStarter&gt;(s =&gt; s.SignAsync(id, CancellationToken.None))</c>); the document is then
/// in state Approved. It must be safe to run twice.
/// </summary>
public interface ISigningStarter
{
    // Hangfire's own retries are off: Worker.Signing.SigningRetries retries as configured, then marks the document Failed.
    [Hangfire.AutomaticRetry(Attempts = 0)]
    Task SignAsync(Guid documentId, CancellationToken ct);
}
