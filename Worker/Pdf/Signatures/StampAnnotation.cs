using UglyToad.PdfPig.Core;
using Worker.Pdf.Reading;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Signatures;

/// <summary>
/// The stamp of a signature whose widget cannot show it, drawn as a /Stamp annotation in the signature's own revision (so
/// the signature covers it). Used for a page whose box is too small to hold anything: poppler and pdf.js then show the
/// page as US Letter from the box's lower-left corner, so that is where the route's position is measured.
/// </summary>
internal static class StampAnnotation
{
    // US Letter in points: what poppler and pdf.js show for a page whose /MediaBox is empty.
    private const double ShownWidth = 612;
    private const double ShownHeight = 792;

    /// <summary>Adds the stamp at <paramref name="visible"/>'s position; returns the annotation and where it went (unrotated user space).</summary>
    public static (IndirectReference Mark, PdfBox Rect) Add(IncrementalUpdate update, PageInfo page, VisibleSignature visible, string text)
    {
        var corner = page.CropBox;
        var shown = page with { CropBox = new PdfBox(corner.Left, corner.Bottom, corner.Left + ShownWidth, corner.Bottom + ShownHeight) };
        var placement = WidgetPlacement.For(shown, visible.X, visible.Y, visible.Width, visible.Height);
        return (PageStamp.Add(update, page, placement, visible.Appearance, "TTEStamp", text), placement.Rect);
    }
}
