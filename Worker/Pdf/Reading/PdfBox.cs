namespace Worker.Pdf.Reading;

/// <summary>A normalized rectangle in default user space (lower-left and upper-right corners).</summary>
public readonly record struct PdfBox(double Left, double Bottom, double Right, double Top)
{
    /// <summary>Horizontal extent.</summary>
    public double Width => Right - Left;

    /// <summary>Vertical extent.</summary>
    public double Height => Top - Bottom;

    /// <summary>Builds a box from any two opposite corners.</summary>
    public static PdfBox FromCorners(double x1, double y1, double x2, double y2) =>
        new(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2));

    /// <summary>The part of this box inside <paramref name="other"/>, or null when they do not overlap.</summary>
    public PdfBox? Intersect(PdfBox other)
    {
        var box = new PdfBox(Math.Max(Left, other.Left), Math.Max(Bottom, other.Bottom),
            Math.Min(Right, other.Right), Math.Min(Top, other.Top));
        return box.Width > 0 && box.Height > 0 ? box : null;
    }
}
