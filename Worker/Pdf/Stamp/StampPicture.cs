using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;

namespace Worker.Pdf.Stamp;

/// <summary>A stamp that a signing service draws as a picture (BSrE): where it goes on the page, and the one-page PDF to render it from.</summary>
public sealed record StampPicture
{
    /// <summary>The page, from 1.</summary>
    public required int PageNumber { get; init; }

    /// <summary>Where the picture goes, in the page's default (unrotated) user space, inside its crop box.</summary>
    public required PdfBox Rect { get; init; }

    /// <summary>The stamp alone on a page of its size, turned against the page's /Rotate so that it reads upright on the page.</summary>
    public required byte[] Pdf { get; init; }

    /// <summary>The picture for <paramref name="visible"/> on <paramref name="pdf"/>; null when the page cannot be read or has no room.</summary>
    public static StampPicture? For(PdfStructure pdf, VisibleSignature visible)
    {
        if (StampedPage.Find(pdf, visible.PageIndex) is not { } page) return null;
        var placement = WidgetPlacement.For(page, visible.X, visible.Y, visible.Width, visible.Height);
        if (!(placement.Width >= 1 && placement.Height >= 1)) return null;
        return new StampPicture
        {
            PageNumber = page.Index + 1,
            Rect = placement.Rect,
            // The service draws the picture upright in unrotated space and the viewer turns the page by /Rotate: turn it back first.
            Pdf = StampPdf.Write(visible.Appearance, placement.Width, placement.Height, (360 - page.Rotate) % 360),
        };
    }
}
