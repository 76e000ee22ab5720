using UglyToad.PdfPig.Core;
using Worker.Pdf.Reading;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Signatures;

/// <summary>The footnote as its own /Stamp annotation on the signed page (see <see cref="PageStamp"/>).</summary>
internal static class FootnoteAnnotation
{
    /// <summary>Adds the annotation and its appearance to <paramref name="update"/>; null when the page cannot take it.</summary>
    public static IndirectReference? Add(IncrementalUpdate update, PageInfo page, PageMark mark)
    {
        var placement = WidgetPlacement.For(page, mark.X, mark.Y, mark.Width, mark.Height);
        if (!(placement.Width >= 1 && placement.Height >= 1)) return null;
        return PageStamp.Add(update, page, placement, mark.Appearance, "TTEFootnote", mark.Text);
    }
}
