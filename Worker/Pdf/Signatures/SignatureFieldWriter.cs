using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Verification;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Signatures;

/// <summary>
/// Copies the original and appends a revision with a new signature field, its widget and a /V signature
/// dictionary whose /ByteRange and /Contents are left blank for the embedder to fill.
/// </summary>
public static class SignatureFieldWriter
{
    private const string ByteRangeHole = "ByteRange";
    private const string ContentsHole = "Contents";

    // Print (4) + Locked (128): shown when printed, not movable by the reader.
    private const int WidgetFlags = 132;

    // Room for "[0 a b c]" with offsets of files up to 10^19 bytes.
    private const int ByteRangeWidth = 64;

    /// <summary>Writes the original followed by the prepared revision to <paramref name="output"/>.</summary>
    public static PreparedSignature Prepare(PdfStructure pdf, Stream original, Stream output, SignatureFieldRequest request)
    {
        DocMdpGuard.EnsureSigningAllowed(pdf);
        var (page, placement, stampNote) = Target(pdf, request.Visible);
        // Only the first signature may change the page or the form's flags: after that, every change must be an allowed one.
        var signedBefore = SignatureFieldFinder.Find(pdf).Count > 0;

        var update = new IncrementalUpdate(UpdateBase.From(pdf));
        var form = AcroFormEditor.Open(pdf);
        var fieldName = FieldNames.NextSignatureName(pdf, form.Fields);

        var signature = update.Add(SignatureDictionary(request));
        var widget = update.Allocate();
        var (rect, appearance) = placement is not null
            ? (placement.Rect, AppearanceStream.Visible(placement, request.Visible!.Appearance))
            : (new PdfBox(0, 0, 0, 0), AppearanceStream.Empty());
        var appearanceRef = update.Add(appearance);
        var widgetDictionary = new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Annot,
            [NameToken.Subtype] = NameToken.Widget,
            [NameToken.Ft] = NameToken.Sig,
            [NameToken.T] = PdfText.Of(fieldName),
            [NameToken.V] = new IndirectReferenceToken(signature),
            [NameToken.F] = new NumericToken(WidgetFlags),
            [NameToken.Rect] = AppearanceStream.Numbers(rect.Left, rect.Bottom, rect.Right, rect.Top),
            [NameToken.Ap] = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.N] = new IndirectReferenceToken(appearanceRef) }),
        };
        // With no readable page the widget sits on none; the field in /Fields is what makes the signature.
        if (page is not null)
        {
            widgetDictionary[NameToken.P] = new IndirectReferenceToken(page.Reference);
            List<IndirectReference> added = [widget];
            if (placement is not null && !signedBefore && request.Visible!.Footnote is { } footnote && FootnoteAnnotation.Add(update, page, footnote) is { } mark)
                added.Add(mark);
            if (placement is null && request.Visible is { } visible)
                stampNote = Join(stampNote, DrawInstead(update, page, visible, request.Name, signedBefore, added));
            PageAnnotations.Append(pdf, update, page, added);
        }
        update.Set(widget, new DictionaryToken(widgetDictionary));
        if (!form.AddSignatureField(update, widget, clearNeedAppearances: !signedBefore) && placement is not null)
            stampNote = Join(stampNote, "the form asks viewers to rebuild appearances (NeedAppearances) and an earlier signature forbids clearing it: poppler-based viewers may not show the stamp");

        original.Position = 0;
        output.Position = 0;
        original.CopyTo(output);
        var written = update.WriteTo(output);
        return new PreparedSignature
        {
            FieldName = fieldName,
            FileLength = written.FileLength,
            ByteRange = written.Reserved[ByteRangeHole],
            Contents = written.Reserved[ContentsHole],
            StampNote = stampNote,
        };
    }

    // An invisible signature takes the first page, or none when the page tree is unreadable or empty. A visible stamp
    // that cannot be placed (no readable page, a degenerate page box) falls back to an invisible signature with a note
    // (and, on a page, the stamp as an annotation: DrawInstead), rather than refusing a document its approver has already
    // seen; a page number that does not exist is a wrong request.
    private static (PageInfo? Page, WidgetPlacement? Placement, string? Note) Target(PdfStructure pdf, VisibleSignature? visible)
    {
        var pages = pdf.TryReadPages(out var problem);
        var first = pages is { Count: > 0 } ? pages[0] : null;
        if (visible is null) return (first, null, null);
        if (pages is null || pages.Count == 0)
            return (first, null, $"visible stamp not placed ({problem ?? "the PDF has no pages"}): signed invisibly");
        var index = visible.PageIndex ?? pages.Count - 1;
        if (index < 0 || index >= pages.Count)
            throw new PdfRefusedException(PdfRefusal.DoesNotFit, $"page {index + 1} does not exist: the document has {pages.Count} page(s)");
        var page = pages[index];
        var placement = WidgetPlacement.For(page, visible.X, visible.Y, visible.Width, visible.Height);
        if (!(placement.Width >= 1 && placement.Height >= 1))
            return (page, null, $"visible stamp not placed (page {index + 1} has a crop box of {page.CropBox.Width:0.#} x {page.CropBox.Height:0.#} points): signed invisibly");
        return (page, placement, null);
    }

    // The widget could not show the stamp, so the stamp becomes a page annotation in this same revision (covered by this
    // signature). Not after an earlier signature: an annotation added then is a change to the page it signed.
    private static string DrawInstead(IncrementalUpdate update, PageInfo page, VisibleSignature visible, string? signer, bool signedBefore,
        List<IndirectReference> added)
    {
        if (signedBefore) return "the stamp is not drawn elsewhere either: after an earlier signature an added annotation would change the signed page";
        var text = "Tanda tangan elektronik / Electronic signature" + (string.IsNullOrEmpty(signer) ? "" : ": " + signer);
        var (mark, rect) = StampAnnotation.Add(update, page, visible, text);
        added.Add(mark);
        return FormattableString.Invariant(
            $"the stamp is drawn instead as a page annotation at [{rect.Left:0.#} {rect.Bottom:0.#} {rect.Right:0.#} {rect.Top:0.#}] (viewers show such a page as US Letter)");
    }

    private static DictionaryToken SignatureDictionary(SignatureFieldRequest request)
    {
        var contents = new byte[2 + 2 * request.ContentsLength];
        Array.Fill(contents, (byte)'0');
        contents[0] = (byte)'<';
        contents[^1] = (byte)'>';
        var byteRange = Encoding.ASCII.GetBytes("[" + new string(' ', ByteRangeWidth - 2) + "]");
        if (request.DocumentTimestamp)
            return new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Create("DocTimeStamp"),
                [NameToken.Filter] = NameToken.AdobePpklite,
                [NameToken.SubFilter] = NameToken.Create("ETSI.RFC3161"),
                [NameToken.Byterange] = new ReservedBytesToken(ByteRangeHole, byteRange),
                [NameToken.Contents] = new ReservedBytesToken(ContentsHole, contents),
            });
        var dict = new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Sig,
            [NameToken.Filter] = NameToken.AdobePpklite,
            [NameToken.SubFilter] = NameToken.Create("ETSI.CAdES.detached"),
            [NameToken.Byterange] = new ReservedBytesToken(ByteRangeHole, byteRange),
            [NameToken.Contents] = new ReservedBytesToken(ContentsHole, contents),
            [NameToken.M] = PdfText.Date(request.SigningTime),
        };
        if (!string.IsNullOrEmpty(request.Name)) dict[NameToken.Name] = PdfText.Of(request.Name);
        if (!string.IsNullOrEmpty(request.Reason)) dict[NameToken.Reason] = PdfText.Of(request.Reason);
        if (!string.IsNullOrEmpty(request.Location)) dict[NameToken.Location] = PdfText.Of(request.Location);
        if (!string.IsNullOrEmpty(request.ContactInfo)) dict[NameToken.ContactInfo] = PdfText.Of(request.ContactInfo);
        return new DictionaryToken(dict);
    }

    private static string Join(string? first, string second) => first is null ? second : $"{first}; {second}";
}
