using Worker.Pdf.Syntax;

namespace Worker.Pdf.Verification;

/// <summary>
/// The DocMDP permission of a certification signature, read from the revision it signed: the catalog's /Perms
/// /DocMDP names the signature dictionary, whose /Reference holds /TransformParams /P (1 no changes, 2 form filling
/// and signing, 3 also annotations).
/// </summary>
internal static class DocMdpPermission
{
    // ISO 32000: a missing or unreadable /P means 2.
    private const int Default = 2;

    /// <summary>/P when object <paramref name="signature"/> is the revision's certification signature, otherwise null.</summary>
    public static int? Of(RevisionView signed, long? signature)
    {
        if (signature is null || signed.Resolve(signed.Trailer["Root"]) is not PdfDictionary catalog) return null;
        if (signed.Get(catalog, "Perms") is not PdfDictionary perms || perms["DocMDP"] is not PdfReference certification
            || certification.Number != signature)
            return null;
        if (signed.Get(certification.Number) is not PdfDictionary dictionary || signed.Get(dictionary, "Reference") is not PdfArray references)
            return Default;
        foreach (var reference in references.Items.Select(signed.Resolve).OfType<PdfDictionary>())
        {
            if (reference.Name("TransformMethod") != "DocMDP") continue;
            var p = signed.Get(reference, "TransformParams") is PdfDictionary parameters ? signed.Get(parameters, "P") as PdfNumber : null;
            return p?.AsLong is >= 1 and <= 3 ? (int)p.AsLong : Default;
        }
        return Default;
    }
}
