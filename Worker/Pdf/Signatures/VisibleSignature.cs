namespace Worker.Pdf.Signatures;

/// <summary>Where a visible signature goes, in the coordinates of the page as the reader sees it.</summary>
public sealed record VisibleSignature
{
    /// <summary>Zero-based page index; null means the last page.</summary>
    public int? PageIndex { get; init; }

    /// <summary>Left edge, from the left of the visible (rotated) page, in points.</summary>
    public required double X { get; init; }

    /// <summary>Bottom edge, from the bottom of the visible (rotated) page, in points.</summary>
    public required double Y { get; init; }

    /// <summary>Width as the reader sees it, in points.</summary>
    public required double Width { get; init; }

    /// <summary>Height as the reader sees it, in points.</summary>
    public required double Height { get; init; }

    /// <summary>The drawing, made for a Width x Height box.</summary>
    public required StampAppearance Appearance { get; init; }

    /// <summary>A footnote for the same page, added only by the document's first signature (a later one may not change the page).</summary>
    public PageMark? Footnote { get; init; }
}
