namespace Worker.Pdf.Stamp;

/// <summary>Where a stamp goes and what goes with it, as the route (or the command line) asks.</summary>
public sealed record StampPlacement
{
    /// <summary>Zero-based page index for the fixed position; null means the last page.</summary>
    public int? PageIndex { get; init; }

    /// <summary>Left edge of the fixed position, from the left of the visible page, in points.</summary>
    public required double X { get; init; }

    /// <summary>Bottom edge of the fixed position, from the bottom of the visible page, in points.</summary>
    public required double Y { get; init; }

    /// <summary>The stamp's width in points.</summary>
    public required double Width { get; init; }

    /// <summary>The stamp's height in points; it grows (up to <see cref="StampPainter.MaxGrowth"/> times) for long text.</summary>
    public required double Height { get; init; }

    /// <summary>Text the clerk typed where the stamp goes (e.g. "#ttd#"); the stamp is centred on it and covers it. Null: fixed position.</summary>
    public string? Anchor { get; init; }

    /// <summary>The footnote at the page's foot; null or blank adds none.</summary>
    public string? Footnote { get; init; }

    /// <summary>How many stamps of the document came before this one; each further stamp goes above the previous.</summary>
    public int Stacked { get; init; }
}
