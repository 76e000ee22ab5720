using System.Text;
using static Worker.Tests.Pdf.Hostile.RawPdfWriter;

namespace Worker.Tests.Pdf.Hostile;

/// <summary>Generators of the hostile shapes of issue 12, each a small file that once crashed or exhausted a reader.</summary>
public static class HostilePdfs
{
    // Twice the per-stream cap: enough to hit it, cheap enough to make in every test run.
    private const long Bomb = 128L * 1024 * 1024;

    private const string Page = "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>";

    /// <summary>Every shape by name, for theories.</summary>
    public static readonly IReadOnlyDictionary<string, Func<byte[]>> All = new Dictionary<string, Func<byte[]>>
    {
        ["deep-page-tree-50k"] = () => DeepPageTree(50_000),
        ["deep-page-tree-250k"] = () => DeepPageTree(250_000),
        ["deep-arrays"] = () => DeepInInfo(100_000, "[", "]"),
        ["deep-dictionaries"] = () => DeepInInfo(100_000, "<</A ", ">>"),
        ["deep-array-unreferenced-in-object-stream"] = () => Compressed([.. Minimal(), new string('[', 100_000) + new string(']', 100_000)]),
        ["huge-size"] = () => Compressed(Minimal(), sizeAndIndex: "/Size 2000000000/Index[0 5]"),
        ["huge-index"] = () => Compressed(Minimal(), sizeAndIndex: "/Size 5/Index[0 5 7 2000000000]"),
        ["huge-trailer-size"] = () => Classic(Minimal().Select(Text).ToList(), "/Size 2000000000/Root 1 0 R", withSize: false),
        ["wide-xref-fields"] = () => Compressed(Minimal(), w: "[1 2 166666666666666666666666666]"),
        ["inflating-object-stream"] = InflatingObjectStream,
        ["inflating-content-stream"] = InflatingContentStream,
        ["length-1gb"] = () => WithContents(Stream("", Text("BT ET"), length: "1073741824")),
        ["length-negative"] = () => WithContents(Stream("", Text("BT ET"), length: "-1")),
        ["length-self-reference"] = () => WithContents(Stream("", Text("BT ET"), length: "4 0 R")),
        ["prev-loop"] = PrevLoop,
        ["page-tree-cycle"] = () => Classic([Text("<</Type/Catalog/Pages 2 0 R>>"), Text("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            Text("<</Type/Pages/Parent 2 0 R/Kids[2 0 R]/Count 1>>")]),
        ["string-30mb"] = () => Classic([Text("<</Type/Catalog/Pages 2 0 R>>"), Text("<</Type/Pages/Kids[3 0 R]/Count 1>>"), Text(Page),
            Text($"<</Title({new string('A', 30 * 1024 * 1024)})>>")], "/Root 1 0 R/Info 4 0 R"),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<byte[]>> Made = new();

    /// <summary>Names of <see cref="All"/> for xunit.</summary>
    public static TheoryData<string> Names() => [.. All.Keys];

    /// <summary>The bytes of shape <paramref name="name"/>, made once per test run.</summary>
    public static byte[] Get(string name) => Made.GetOrAdd(name, n => new Lazy<byte[]>(All[n])).Value;

    /// <summary>Writes shape <paramref name="name"/> as NAME.pdf into <paramref name="directory"/>.</summary>
    public static string WriteTo(string directory, string name)
    {
        var path = Path.Combine(directory, name + ".pdf");
        File.WriteAllBytes(path, Get(name));
        return path;
    }

    /// <summary>Catalog, a page tree <paramref name="levels"/> deep (each node one kid), one page, all in one object stream.</summary>
    public static byte[] DeepPageTree(int levels)
    {
        var objects = new List<string>(levels + 2) { "<</Type/Catalog/Pages 2 0 R>>" };
        for (var n = 2; n < levels + 2; n++)
            objects.Add($"<</Type/Pages/Kids[{n + 1} 0 R]/Count 1{(n > 2 ? $"/Parent {n - 1} 0 R" : "")}>>");
        objects.Add($"<</Type/Page/Parent {levels + 1} 0 R/MediaBox[0 0 595 842]>>");
        return Compressed(objects);
    }

    /// <summary>A good file whose /Info holds one value nested <paramref name="depth"/> times.</summary>
    public static byte[] DeepInInfo(int depth, string open, string close)
    {
        var nested = new StringBuilder("<</Nested ");
        for (var i = 0; i < depth; i++) nested.Append(open);
        nested.Append("0");
        for (var i = 0; i < depth; i++) nested.Append(close);
        nested.Append(">>");
        return Classic([.. Minimal().Select(Text), Text(nested.ToString())], "/Root 1 0 R/Info 4 0 R");
    }

    /// <summary>A form whose /Kids name the same child twice at each of <paramref name="levels"/> levels (2^levels paths).</summary>
    public static byte[] FieldsNamedTwice(int levels)
    {
        var bodies = new List<byte[]> { Text("<</Type/Catalog/Pages 2 0 R/AcroForm 4 0 R>>"), Text("<</Type/Pages/Kids[3 0 R]/Count 1>>"), Text(Page),
            Text("<</Fields[5 0 R]>>") };
        for (var n = 5; n < levels + 5; n++) bodies.Add(Text($"<</T(f{n})/Kids[{n + 1} 0 R {n + 1} 0 R]>>"));
        bodies.Add(Text("<</T(leaf)/FT/Tx>>"));
        return Classic(bodies);
    }

    private static string[] Minimal() => ["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>", Page];

    private static byte[] WithContents(byte[] contents) => Classic([Text("<</Type/Catalog/Pages 2 0 R>>"), Text("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
        Text("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>"), contents]);

    private static byte[] InflatingContentStream() =>
        WithContents(Stream("/Filter/FlateDecode", DeflateRepeated((byte)' ', Bomb)));

    // Object 1 (the catalog) sits in object stream 4, whose data runs on with half a gigabyte of spaces.
    private static byte[] InflatingObjectStream()
    {
        var bomb = DeflateRepeated((byte)' ', Bomb, prefix: "1 0 <</Type/Catalog/Pages 2 0 R>>\n");
        byte[][] bodies = [Text("<</Type/Pages/Kids[3 0 R]/Count 1>>"), Text(Page), Stream("/Type/ObjStm/N 1/First 4/Filter/FlateDecode", bomb)];
        using var file = new MemoryStream();
        file.Write(Text("%PDF-1.7\n"));
        var offsets = new List<long>();
        for (var i = 0; i < bodies.Length; i++)
        {
            offsets.Add(file.Position);
            file.Write(Text($"{i + 2} 0 obj\n"));
            file.Write(bodies[i]);
            file.Write(Text("\nendobj\n"));
        }
        offsets.Add(file.Position);
        var entries = new MemoryStream();
        entries.Write([0, 0, 0, 0, 0, 0xFF, 0xFF, 2, 0, 0, 0, 4, 0, 0]);
        foreach (var offset in offsets) entries.Write([1, (byte)(offset >> 24), (byte)(offset >> 16), (byte)(offset >> 8), (byte)offset, 0, 0]);
        file.Write(Text("5 0 obj\n"));
        file.Write(Stream("/Type/XRef/Size 6/W[1 4 2]/Root 1 0 R/Filter/FlateDecode", Deflate(entries.ToArray())));
        file.Write(Text($"\nendobj\nstartxref\n{offsets[^1]}\n%%EOF\n"));
        return file.ToArray();
    }

    // Two xref tables, each naming the other as /Prev.
    private static byte[] PrevLoop()
    {
        var text = Encoding.Latin1.GetString(Classic(Minimal().Select(Text).ToList()));
        var firstXref = text.LastIndexOf("xref\n0 ", StringComparison.Ordinal);
        // The placeholder has the width of the offset that replaces it, so no offset moves.
        var withPrev = text.Replace("<</Size 4/Root 1 0 R>>", "<</Size 4/Root 1 0 R/Prev 0000000000>>");
        var secondXref = withPrev.Length;
        withPrev = withPrev.Replace("/Prev 0000000000", $"/Prev {secondXref:D10}");
        return Encoding.Latin1.GetBytes(withPrev + $"xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 4/Root 1 0 R/Prev {firstXref}>>\nstartxref\n{secondXref}\n%%EOF\n");
    }
}
