namespace Worker.Signing.Watch;

/// <summary>The latest check of one signer.</summary>
public sealed record SignerStatus
{
    /// <summary>The signer's name under Worker:Signers.</summary>
    public required string Name { get; init; }
    /// <summary>True when it can sign now.</summary>
    public required bool Ready { get; init; }
    /// <summary>The check's one line (Indonesian first, then English), naming the signer.</summary>
    public required string Line { get; init; }
    /// <summary>When it was checked.</summary>
    public required DateTimeOffset CheckedAt { get; init; }
}
