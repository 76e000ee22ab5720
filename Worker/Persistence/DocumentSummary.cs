namespace Worker.Persistence;

/// <summary>One line of the operators' documents list.</summary>
public sealed record DocumentSummary
{
    /// <summary>The document id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The route it came in on.</summary>
    public required string Route { get; init; }
    /// <summary>Its state.</summary>
    public required DocumentState State { get; init; }
    /// <summary>Title from the PDF, the sidecar or the file name.</summary>
    public required string Title { get; init; }
    /// <summary>The dropped file's name.</summary>
    public required string SourceName { get; init; }
    /// <summary>When intake recorded it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>Last change of state.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Why it failed or was refused, if it did.</summary>
    public string? Error { get; init; }
}
