using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;

namespace Worker.Pdf.Stamp;

/// <summary>Turns the stamp painter's drawing into the visible signature the engine places on a page.</summary>
public static class StampedSignature
{
    // Space between stacked stamps, in points.
    private const double StackGap = 6;

    /// <summary>
    /// The stamp for <paramref name="content"/>, drawn for a <paramref name="width"/> × <paramref name="height"/> box at
    /// (<paramref name="x"/>, <paramref name="y"/>) as the reader sees the page; <paramref name="pageIndex"/> null means the last page.
    /// </summary>
    public static VisibleSignature Create(StampContent content, int? pageIndex, double x, double y, double width, double height)
    {
        var drawing = StampPainter.Draw(content, width, height);
        return new VisibleSignature
        {
            PageIndex = pageIndex, X = x, Y = y, Width = drawing.Width, Height = drawing.Height, Appearance = Appearance(drawing),
        };
    }

    /// <summary>
    /// The stamp for <paramref name="content"/> placed on the PDF at <paramref name="inputPath"/> (only read): over the
    /// anchor when the placement names one that is found, else at the fixed position; with the footnote on the same page.
    /// </summary>
    public static StampLayout Create(StampContent content, StampPlacement placement, string inputPath)
    {
        var drawing = StampPainter.Draw(content, placement.Width, placement.Height);
        using var file = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var pdf = PdfStructure.Open(file);
        var pages = pdf.TryReadPages(out _) ?? [];
        var (pageIndex, x, y, note) = (placement.PageIndex, placement.X, placement.Y, (string?)null);
        if (!string.IsNullOrWhiteSpace(placement.Anchor) && pages.Count > 0)
        {
            if (AnchorFinder.Find(pdf, pages, placement.Anchor) is { } anchor)
            {
                var box = anchor.Box;
                (pageIndex, x, y) = (anchor.PageIndex, (box.Left + box.Right - drawing.Width) / 2, (box.Bottom + box.Top - drawing.Height) / 2);
            }
            else
            {
                note = $"anchor '{placement.Anchor}' not found in the text: the stamp is at the route's fixed position";
            }
        }
        y += placement.Stacked * (drawing.Height + StackGap);
        var page = pages.Count == 0 ? null : pages[Math.Clamp(pageIndex ?? pages.Count - 1, 0, pages.Count - 1)];
        return new StampLayout
        {
            Visible = new VisibleSignature
            {
                PageIndex = pageIndex, X = x, Y = y, Width = drawing.Width, Height = drawing.Height, Appearance = Appearance(drawing),
                Footnote = page is null || string.IsNullOrWhiteSpace(placement.Footnote) ? null : Footnote(placement.Footnote, page),
            },
            Note = note,
        };
    }

    private static PageMark Footnote(string text, PageInfo page)
    {
        var drawing = FootnotePainter.Draw(text, page.Rotate is 90 or 270 ? page.CropBox.Height : page.CropBox.Width);
        return new PageMark
        {
            X = FootnotePainter.Margin, Y = FootnotePainter.Margin, Width = drawing.Width, Height = drawing.Height,
            Appearance = Appearance(drawing), Text = text.Trim(),
        };
    }

    private static StampAppearance Appearance(StampDrawing drawing) => new() { Content = drawing.Content, Fonts = drawing.Fonts };
}
