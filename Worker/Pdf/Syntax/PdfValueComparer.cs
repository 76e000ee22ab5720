namespace Worker.Pdf.Syntax;

/// <summary>Structural equality of two values: references compare by number, streams by dictionary and raw bytes.</summary>
public static class PdfValueComparer
{
    public static bool Equal(PdfValue? a, PdfValue? b)
    {
        if (ReferenceEquals(a, b)) return true;
        return (a, b) switch
        {
            (null, _) or (_, null) => false,
            (PdfName x, PdfName y) => x.Value == y.Value,
            (PdfNumber x, PdfNumber y) => x.Value.Equals(y.Value),
            (PdfString x, PdfString y) => x.Bytes.AsSpan().SequenceEqual(y.Bytes),
            (PdfBoolean x, PdfBoolean y) => x.Value == y.Value,
            (PdfNull, PdfNull) => true,
            (PdfReference x, PdfReference y) => x.Number == y.Number && x.Generation == y.Generation,
            (PdfArray x, PdfArray y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => Equal(p.First, p.Second)),
            (PdfDictionary x, PdfDictionary y) => x.Entries.Count == y.Entries.Count
                && x.Entries.All(e => y.Entries.TryGetValue(e.Key, out var other) && Equal(e.Value, other)),
            (PdfStream x, PdfStream y) => Equal(x.Dictionary, y.Dictionary) && SameData(x, y),
            _ => false,
        };
    }

    /// <summary>The keys whose values differ between two dictionaries (added, removed or changed).</summary>
    public static IReadOnlyList<string> ChangedKeys(PdfDictionary a, PdfDictionary b) =>
        a.Entries.Keys.Union(b.Entries.Keys)
            .Where(k => !(a.Entries.TryGetValue(k, out var x) && b.Entries.TryGetValue(k, out var y) && Equal(x, y)))
            .Order(StringComparer.Ordinal).ToList();

    private static bool SameData(PdfStream x, PdfStream y)
    {
        if (x.DataLength != y.DataLength) return false;
        // Both views read one file, so the same offset means the same bytes.
        if (x.DataOffset == y.DataOffset) return true;
        return x.RawData().AsSpan().SequenceEqual(y.RawData());
    }
}
