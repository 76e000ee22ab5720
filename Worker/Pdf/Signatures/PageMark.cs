namespace Worker.Pdf.Signatures;

/// <summary>A drawing added to the signed page beside the signature widget (the footnote), as the reader sees the page.</summary>
public sealed record PageMark
{
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

    /// <summary>The mark's words, for readers that list annotations (and screen readers).</summary>
    public required string Text { get; init; }
}
