using System.Globalization;
using System.Text;

namespace Worker.Tests.Support;

/// <summary>PDF bytes for intake tests: corpus files made unique, and tiny generated ones.</summary>
public static class TestPdfs
{
    /// <summary>A corpus file with a random comment after %%EOF: still the same PDF, but a different hash.</summary>
    public static byte[] Unique(string corpusName = "minimal-document.pdf")
    {
        var original = File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, corpusName));
        return [.. original, .. Encoding.ASCII.GetBytes($"\n% {Guid.NewGuid():N}\n")];
    }

    /// <summary>A corpus file as it is.</summary>
    public static byte[] Corpus(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, name));

    /// <summary>A minimal valid PDF with <paramref name="pages"/> blank A4 pages and an optional title; the marker makes its bytes unique.</summary>
    public static byte[] Generated(int pages, string? title = null, string? marker = null)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{i + 4} 0 R"))}] /Count {pages} >>",
            $"<< /Title ({title ?? ""}) /Subject ({marker ?? Guid.NewGuid().ToString("N")}) >>",
        };
        for (var i = 0; i < pages; i++) objects.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(body.Length);
            body.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = body.Length;
        body.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) body.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        body.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }
}
