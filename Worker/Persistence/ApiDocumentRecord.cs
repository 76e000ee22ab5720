namespace Worker.Persistence;

/// <summary>A document as its API client may see it: a view of its <see cref="DocumentRecord"/> with its steps.</summary>
public sealed record ApiDocumentRecord
{
    /// <summary>The document id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The route it was submitted to.</summary>
    public required string Route { get; init; }
    /// <summary>Its state.</summary>
    public required DocumentState State { get; init; }
    /// <summary>The title approvers see.</summary>
    public required string Title { get; init; }
    /// <summary>The letter number, if given.</summary>
    public string? Number { get; init; }
    /// <summary>The file name as uploaded.</summary>
    public required string SourceName { get; init; }
    /// <summary>SHA-256 of the original bytes.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Why it was refused or failed (Indonesian line, then English line).</summary>
    public string? Error { get; init; }
    /// <summary>SHA-256 of the signed file, once signed.</summary>
    public string? SignedSha256 { get; init; }
    /// <summary>Where the signed file was filed.</summary>
    public string? SignedPath { get; init; }
    /// <summary>When it was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>When its state last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>When it was filed.</summary>
    public DateTimeOffset? FiledAt { get; init; }
    /// <summary>Its approval steps in order.</summary>
    public IReadOnlyList<ApiStepRecord> Steps { get; init; } = [];
}
