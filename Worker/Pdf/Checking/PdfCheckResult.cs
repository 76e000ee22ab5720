namespace Worker.Pdf.Checking;

/// <summary>The result of checking an incoming file before it enters the workflow.</summary>
public sealed record PdfCheckResult
{
    /// <summary>The classification.</summary>
    public required PdfCheckOutcome Outcome { get; init; }

    /// <summary>One line a clerk can read when the file is not <see cref="PdfCheckOutcome.Ok"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Number of pages, when readable.</summary>
    public int? PageCount { get; init; }

    /// <summary>The document title from its metadata, when present.</summary>
    public string? Title { get; init; }

    /// <summary>How many revisions (incremental updates plus the original) the file holds, when readable.</summary>
    public int? Revisions { get; init; }
}
