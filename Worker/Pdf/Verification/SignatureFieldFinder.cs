using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;

namespace Worker.Pdf.Verification;

/// <summary>Finds every signature field with a value, walking the AcroForm's field tree.</summary>
internal static class SignatureFieldFinder
{
    public static IReadOnlyList<SignatureField> Find(PdfStructure pdf)
    {
        var found = new List<SignatureField>();
        var visited = new HashSet<IndirectReference>();
        if (pdf.Get(pdf.Catalog, "AcroForm") is DictionaryToken form && pdf.Get(form, "Fields") is ArrayToken fields)
            foreach (var field in fields.Data)
                Visit(pdf, field, null, null, found, visited, depth: 0);
        return found;
    }

    // Each field object is visited once: /Kids naming one child twice at every level would double the walk per level.
    private static void Visit(PdfStructure pdf, IToken token, string? prefix, string? inheritedType, List<SignatureField> found,
        HashSet<IndirectReference> visited, int depth)
    {
        if (depth > 32 || (token is IndirectReferenceToken r && !visited.Add(r.Data)) || pdf.Resolve(token) is not DictionaryToken field) return;
        var partial = pdf.Get(field, "T") is StringToken t ? t.Data : null;
        var name = partial is null ? prefix : prefix is null ? partial : $"{prefix}.{partial}";
        var type = pdf.Get(field, "FT") is NameToken ft ? ft.Data : inheritedType;
        if (type == "Sig" && pdf.Get(field, "V") is DictionaryToken signature && name is not null)
            found.Add(new SignatureField { Name = name, Signature = signature });
        if (pdf.Get(field, "Kids") is ArrayToken kids)
            foreach (var kid in kids.Data)
                Visit(pdf, kid, name, type, found, visited, depth + 1);
    }
}
