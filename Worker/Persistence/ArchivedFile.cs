namespace Worker.Persistence;

/// <summary>A filed document's archived file, as the archive renewal sees it.</summary>
public sealed record ArchivedFile
{
    /// <summary>The document.</summary>
    public required Guid Id { get; init; }

    /// <summary>Where its newest signed file lies.</summary>
    public required string SignedPath { get; init; }

    /// <summary>That file's SHA-256, lower-case hex.</summary>
    public required string SignedSha256 { get; init; }
}
