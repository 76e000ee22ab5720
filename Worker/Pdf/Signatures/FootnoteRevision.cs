using Worker.Pdf.Reading;
using Worker.Pdf.Verification;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Signatures;

/// <summary>
/// The footnote as a revision of its own, for a signing service that draws only a picture (BSrE): the original bytes, then
/// an incremental update adding the same footnote annotation our own signatures add. The service's signature then covers it.
/// </summary>
public static class FootnoteRevision
{
    /// <summary>
    /// Writes <paramref name="original"/> to <paramref name="output"/>, followed by the revision with
    /// <paramref name="visible"/>'s footnote on its page; true when the revision was added. Nothing is added when the stamp
    /// has no footnote, the page cannot be read, or the document is already signed (a later signature may not change the page).
    /// A form that asks viewers to rebuild appearances (/NeedAppearances, LibreOffice) loses the flag in that revision and its
    /// filled fields get appearances of their own, as with our first signature: poppler would otherwise not draw the service's stamp.
    /// </summary>
    public static bool Write(PdfStructure pdf, Stream original, Stream output, VisibleSignature visible)
    {
        // Everything is read before the copy moves the stream the reader works from.
        var update = Build(pdf, visible);
        original.Position = 0;
        output.Position = 0;
        original.CopyTo(output);
        if (update is null) return false;
        update.WriteTo(output);
        return true;
    }

    private static IncrementalUpdate? Build(PdfStructure pdf, VisibleSignature visible)
    {
        if (visible.Footnote is not { } footnote || SignatureFieldFinder.Find(pdf).Count > 0) return null;
        if (StampedPage.Find(pdf, visible.PageIndex) is not { } page) return null;
        var update = new IncrementalUpdate(UpdateBase.From(pdf));
        if (FootnoteAnnotation.Add(update, page, footnote) is not { } mark) return null;
        PageAnnotations.Append(pdf, update, page, [mark]);
        // As our own first signature does: the service's widget is drawn only once viewers stop rebuilding appearances.
        AcroFormEditor.Open(pdf).ClearNeedAppearances(update);
        return update;
    }
}
