using System.Text;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// Writes PDF revisions byte by byte (objects, a classic xref table, a trailer with a chosen /Prev), so tests
/// can build files exactly as an attacker would, including xref sections that lie about the chain.
/// </summary>
public static class RawRevision
{
    /// <summary>A one-page letter whose page shows <paramref name="text"/> in Helvetica.</summary>
    public static void CreateLetter(string path, string text)
    {
        File.WriteAllBytes(path, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8.ToArray());
        Append(path, prev: null, root: 1, objects:
        [
            (1, "<</Type/Catalog/Pages 2 0 R>>"),
            (2, "<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            (3, "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>"),
            (4, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"),
            (5, Content(text)),
        ]);
    }

    /// <summary>A content stream object body drawing <paramref name="text"/> large on the page.</summary>
    public static string Content(string text)
    {
        var ops = $"BT /F1 28 Tf 72 700 Td ({text}) Tj ET";
        return $"<</Length {ops.Length}>>\nstream\n{ops}\nendstream";
    }

    /// <summary>
    /// Appends objects and an xref table chained to <paramref name="prev"/>, listing <paramref name="free"/> as free
    /// entries; returns the new section's offset.
    /// </summary>
    public static long Append(string path, long? prev, int root, IReadOnlyList<(int Number, string Body)> objects, string extraTrailer = "",
        IReadOnlyList<int>? free = null)
    {
        var offsets = new SortedDictionary<int, long>();
        using var file = new FileStream(path, FileMode.Append);
        foreach (var (number, body) in objects)
        {
            offsets[number] = file.Position;
            Write(file, $"{number} 0 obj\n{body}\nendobj\n");
        }
        return WriteXref(file, offsets, prev, root, extraTrailer, free ?? []);
    }

    /// <summary>Appends only an xref section that lists objects at offsets of the caller's choosing.</summary>
    public static long AppendXref(string path, IReadOnlyDictionary<int, long> offsets, long? prev, int root)
    {
        using var file = new FileStream(path, FileMode.Append);
        return WriteXref(file, new SortedDictionary<int, long>(offsets.ToDictionary()), prev, root, "", []);
    }

    private static long WriteXref(FileStream file, SortedDictionary<int, long> offsets, long? prev, int root, string extraTrailer, IReadOnlyList<int> free)
    {
        var xref = file.Position;
        var text = new StringBuilder("xref\n");
        if (prev is null) text.Append("0 1\n0000000000 65535 f \n");
        foreach (var (number, offset) in offsets)
            text.Append($"{number} 1\n{offset:D10} 00000 n \n");
        // Generation 0 kept, so the references "n 0 R" an attacker leaves in place resolve again once it is re-listed.
        foreach (var number in free)
            text.Append($"{number} 1\n0000000000 00000 f \n");
        var size = Math.Max(offsets.Keys.Concat(free).DefaultIfEmpty(0).Max() + 1, 6);
        var prevEntry = prev is { } p ? $"/Prev {p}" : "";
        text.Append($"trailer\n<</Size {size}/Root {root} 0 R{prevEntry}{extraTrailer}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(file, text.ToString());
        return xref;
    }

    private static void Write(Stream file, string text) => file.Write(Encoding.Latin1.GetBytes(text));
}
