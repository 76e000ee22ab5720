using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Signatures;

/// <summary>
/// A drawing as a /Stamp annotation of its own on a page: an annotation, not page content, so the page's own objects stay as
/// the approver saw them, and a /Stamp (not a widget) so no viewer rebuilds its appearance.
/// </summary>
internal static class PageStamp
{
    // Print (4) + ReadOnly (64) + Locked (128) + LockedContents (512): printed, and not movable or editable by a reader.
    private const int Flags = 708;

    /// <summary>Adds the annotation and its appearance to <paramref name="update"/>; the caller lists it in the page's /Annots.</summary>
    public static IndirectReference Add(IncrementalUpdate update, PageInfo page, WidgetPlacement placement, StampAppearance drawing, string name, string text)
    {
        var appearance = update.Add(AppearanceStream.Visible(placement, drawing));
        var rect = placement.Rect;
        return update.Add(new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Annot,
            [NameToken.Subtype] = NameToken.Create("Stamp"),
            [NameToken.Name] = NameToken.Create(name),
            [NameToken.Contents] = PdfText.Of(text),
            [NameToken.F] = new NumericToken(Flags),
            [NameToken.P] = new IndirectReferenceToken(page.Reference),
            [NameToken.Rect] = AppearanceStream.Numbers(rect.Left, rect.Bottom, rect.Right, rect.Top),
            [NameToken.Ap] = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.N] = new IndirectReferenceToken(appearance) }),
        }));
    }
}
