namespace Worker.Persistence;

/// <summary>A claimed file as intake records it.</summary>
public sealed record NewDocument
{
    /// <summary>The id chosen at claim time; the claimed file is named after it.</summary>
    public required Guid Id { get; init; }
    /// <summary>The route whose inbox the file came from.</summary>
    public required string Route { get; init; }
    /// <summary>The file name as the clerk dropped it.</summary>
    public required string SourceName { get; init; }
    /// <summary>Size in bytes.</summary>
    public required long SizeBytes { get; init; }
    /// <summary>SHA-256 of the bytes, lowercase hex; empty when the file was refused unread.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Page count, when the file is a readable PDF.</summary>
    public int? PageCount { get; init; }
    /// <summary>Title from the sidecar, the PDF or the file name.</summary>
    public required string Title { get; init; }
    /// <summary>Letter number from the sidecar.</summary>
    public string? Number { get; init; }
    /// <summary>Submitter email from the sidecar.</summary>
    public string? SubmitterEmail { get; init; }
    /// <summary>Note from the sidecar.</summary>
    public string? Note { get; init; }
    /// <summary>The bytes the approver sees and the signer signs: the original, or its normalised rewrite; null when not copied.</summary>
    public string? ContentPath { get; init; }
    /// <summary>Why and how intake rewrote the file (the "normalised" audit event's detail); null when taken as found.</summary>
    public string? Normalised { get; init; }
    /// <summary>The API client that submitted it; null for a file dropped in an inbox.</summary>
    public string? ApiClient { get; init; }
    /// <summary>Why the file is refused (Indonesian line, then English line); null when it is fine.</summary>
    public string? Problem { get; init; }
    /// <summary>Who is mailed when a dropped file is refused (the sidecar's email, else the route's Contact); empty: nobody.</summary>
    public string NotifyOnRefusal { get; init; } = "";
}
