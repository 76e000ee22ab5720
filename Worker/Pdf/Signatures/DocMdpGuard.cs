using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;

namespace Worker.Pdf.Signatures;

/// <summary>Refuses documents whose certification signature forbids any change (DocMDP /P 1).</summary>
public static class DocMdpGuard
{
    /// <summary>Throws <see cref="PdfRefusedException"/> when the author certified the file with no changes allowed.</summary>
    public static void EnsureSigningAllowed(PdfStructure pdf)
    {
        var permission = CertificationPermission(pdf);
        if (permission == 1)
            throw new PdfRefusedException(PdfRefusal.ChangesForbidden, "changes forbidden: the document is certified with no changes allowed (DocMDP P=1)");
    }

    /// <summary>The DocMDP /P value (1, 2 or 3), or null when the file is not certified.</summary>
    public static int? CertificationPermission(PdfStructure pdf)
    {
        if (pdf.Get(pdf.Catalog, "Perms") is not DictionaryToken perms || pdf.Get(perms, "DocMDP") is not DictionaryToken sig)
            return null;
        if (pdf.Get(sig, "Reference") is ArrayToken references)
        {
            foreach (var item in references.Data.Select(pdf.Resolve).OfType<DictionaryToken>())
            {
                if (pdf.Get(item, "TransformMethod") is NameToken { Data: "DocMDP" })
                    return pdf.Get(item, "TransformParams") is DictionaryToken p && pdf.Get(p, "P") is NumericToken n ? n.Int : 2;
            }
        }
        // A /Perms /DocMDP entry without a readable transform still means a certified document; 2 is the default.
        return 2;
    }
}
