using Worker.Pdf.Signatures;

namespace Worker.Pdf.Stamp;

/// <summary>Turns the stamp painter's drawing into the visible signature the engine places on a page.</summary>
public static class StampedSignature
{
    /// <summary>
    /// The stamp for <paramref name="content"/>, drawn for a <paramref name="width"/> × <paramref name="height"/> box at
    /// (<paramref name="x"/>, <paramref name="y"/>) as the reader sees the page; <paramref name="pageIndex"/> null means the last page.
    /// </summary>
    public static VisibleSignature Create(StampContent content, int? pageIndex, double x, double y, double width, double height)
    {
        var drawing = StampPainter.Draw(content, width, height);
        return new VisibleSignature
        {
            PageIndex = pageIndex,
            X = x,
            Y = y,
            Width = width,
            Height = height,
            Appearance = new StampAppearance { Content = drawing.Content, Fonts = drawing.Fonts },
        };
    }
}
