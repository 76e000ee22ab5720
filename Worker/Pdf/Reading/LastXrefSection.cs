namespace Worker.Pdf.Reading;

/// <summary>Where the file's newest cross-reference section starts, as <c>startxref</c> says.</summary>
public sealed record LastXrefSection
{
    /// <summary>The byte offset written after the last <c>startxref</c> keyword.</summary>
    public required long Offset { get; init; }

    /// <summary>Whether that section is a table or a stream.</summary>
    public required XrefKind Kind { get; init; }
}
