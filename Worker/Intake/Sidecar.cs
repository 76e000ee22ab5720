namespace Worker.Intake;

/// <summary>What a clerk may say about a document in NAME.pdf.json beside it.</summary>
public sealed record Sidecar
{
    /// <summary>Title shown to approvers, instead of the PDF's own.</summary>
    public string? Title { get; init; }
    /// <summary>Letter number (nomor surat).</summary>
    public string? Number { get; init; }
    /// <summary>Who submitted it, to be told the outcome.</summary>
    public string? SubmitterEmail { get; init; }
    /// <summary>A note for the approvers.</summary>
    public string? Note { get; init; }
}
