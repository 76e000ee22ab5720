using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;

namespace Worker.Pdf.Signatures;

/// <summary>Collects the form's fully qualified field names to pick a new, unique one.</summary>
public static class FieldNames
{
    /// <summary>"Signature1", "Signature2", ...: the first not taken.</summary>
    public static string NextSignatureName(PdfStructure pdf, IEnumerable<IToken> fields)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<IndirectReference>();
        foreach (var field in fields)
            Collect(pdf, field, prefix: null, taken, visited, depth: 0);
        for (var n = 1; ; n++)
        {
            var name = $"Signature{n}";
            if (!taken.Contains(name)) return name;
        }
    }

    // A field object met twice (/Kids naming one child twice at every level) is read once, or the walk doubles per level.
    private static void Collect(PdfStructure pdf, IToken field, string? prefix, HashSet<string> taken, HashSet<IndirectReference> visited, int depth)
    {
        if (depth > 32 || (field is IndirectReferenceToken r && !visited.Add(r.Data)) || pdf.Resolve(field) is not DictionaryToken dict) return;
        var partial = pdf.Get(dict, "T") switch
        {
            StringToken s => s.Data,
            HexToken h => System.Text.Encoding.Latin1.GetString(h.Bytes),
            _ => null,
        };
        var name = partial is null ? prefix : prefix is null ? partial : $"{prefix}.{partial}";
        if (name is not null) taken.Add(name);
        if (pdf.Get(dict, "Kids") is ArrayToken kids)
            foreach (var kid in kids.Data)
                Collect(pdf, kid, name, taken, visited, depth + 1);
    }
}
