namespace Worker.Operators;

/// <summary>What the dashboard's New document form sends: a PDF and what a sidecar would say about it.</summary>
public sealed record NewDrop
{
    /// <summary>The route whose inbox takes it.</summary>
    public required string Route { get; init; }
    /// <summary>A unit subfolder of that inbox (Routes:N:Units), or null for the inbox itself.</summary>
    public string? Unit { get; init; }
    /// <summary>The file name as uploaded; only its plain last segment is used.</summary>
    public required string FileName { get; init; }
    /// <summary>The PDF's bytes, kept exactly as uploaded.</summary>
    public required Func<Stream> Open { get; init; }
    /// <summary>Its size in bytes, as the upload says.</summary>
    public required long Size { get; init; }
    /// <summary>Title shown to approvers, or empty.</summary>
    public string Title { get; init; } = "";
    /// <summary>Letter number (nomor surat), or empty.</summary>
    public string Number { get; init; } = "";
    /// <summary>Who is told the outcome (an office address), or empty.</summary>
    public string SubmitterEmail { get; init; } = "";
    /// <summary>A note for the approvers, or empty.</summary>
    public string Note { get; init; } = "";
}
