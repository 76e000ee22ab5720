using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Signatures;

/// <summary>Appends annotations to a page's /Annots in an incremental update.</summary>
internal static class PageAnnotations
{
    /// <summary>Adds <paramref name="annotations"/>; the page's /Annots may be a direct array, an indirect one (then only that array changes), or absent.</summary>
    public static void Append(PdfStructure pdf, IncrementalUpdate update, PageInfo page, IReadOnlyList<IndirectReference> annotations)
    {
        var raw = page.Dictionary.Data.GetValueOrDefault(NameToken.Annots.Data);
        var tokens = annotations.Select(a => (IToken)new IndirectReferenceToken(a));
        if (raw is IndirectReferenceToken arrayRef && pdf.Resolve(raw) is ArrayToken indirect)
        {
            update.Set(arrayRef.Data, new ArrayToken([.. indirect.Data, .. tokens]));
            return;
        }
        var existing = pdf.Resolve(raw) as ArrayToken;
        update.Set(page.Reference, page.Dictionary.With(NameToken.Annots, new ArrayToken([.. existing?.Data ?? [], .. tokens])));
    }
}
