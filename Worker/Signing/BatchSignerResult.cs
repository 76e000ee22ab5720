namespace Worker.Signing;

/// <summary>What a batch signer did with one request of the batch.</summary>
public sealed record BatchSignerResult
{
    /// <summary>Why the output was not written; null when it was.</summary>
    public string? Error { get; init; }
    /// <summary>The file sent to the service for it, as <see cref="IDocumentSigner.SignAsync"/> returns it; null when none was sent.</summary>
    public SentBytes? Sent { get; init; }
}
