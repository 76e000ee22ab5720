using Worker.Configuration;

namespace Worker.Signing;

/// <summary>A signer that signs several documents under one secret in fewer calls than one per document (BSrE v2's bulk signing).</summary>
public interface IBatchSigner
{
    /// <summary>
    /// Writes each request's output; the answer holds, per request in order, what was sent for it or the reason it was not
    /// written. Throws when the whole batch fails for a reason the official can fix (a wrong secret).
    /// </summary>
    Task<IReadOnlyList<BatchSignerResult>> SignBatchAsync(IReadOnlyList<SigningRequest> requests, SignerOptions profile, PersonalSecret secret, CancellationToken ct);
}
