namespace Worker.Signing;

/// <summary>What became of one document of a batch signed under one secret.</summary>
public sealed record BatchOutcome
{
    /// <summary>The request, whose output exists only when <see cref="Error"/> is null.</summary>
    public required SigningRequest Request { get; init; }
    /// <summary>Why this document was not signed (the signer's refusal or a broken post-condition); null when it was.</summary>
    public string? Error { get; init; }
}
