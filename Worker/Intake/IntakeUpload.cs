namespace Worker.Intake;

/// <summary>A file handed to intake over HTTP instead of dropped in an inbox.</summary>
public sealed record IntakeUpload
{
    /// <summary>The route it is submitted to.</summary>
    public required InboxRoute Route { get; init; }
    /// <summary>The file name as uploaded, already reduced to a plain name.</summary>
    public required string SourceName { get; init; }
    /// <summary>Opens the uploaded bytes; called once per attempt to claim.</summary>
    public required Func<Stream> Open { get; init; }
    /// <summary>The form's fields as sidecar JSON, checked by the same reader as a clerk's NAME.pdf.json; null for none.</summary>
    public string? SidecarText { get; init; }
    /// <summary>The API client that sent it.</summary>
    public required string ApiClient { get; init; }
}
