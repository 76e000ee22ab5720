using System.Globalization;
using System.Text;
using Worker.Pdf.Stamp;

namespace Worker.Tests.Pdf.Stamp;

/// <summary>Writes a complete one-page PDF whose page is exactly the stamp's box, to let real tools judge a drawing.</summary>
internal static class OnePagePdf
{
    /// <summary>Writes <paramref name="drawing"/> as the only content of a <paramref name="width"/> × <paramref name="height"/> page.</summary>
    public static void Write(string path, StampDrawing drawing, double width, double height)
    {
        var fontNames = drawing.Fonts.Keys.Order(StringComparer.Ordinal).ToList();
        var fontRefs = string.Join(' ', fontNames.Select((name, i) => $"/{name} {5 + i} 0 R"));
        var box = string.Create(CultureInfo.InvariantCulture, $"[0 0 {width} {height}]");
        byte[] contents = [.. Latin1($"<< /Length {drawing.Content.Length} >>\nstream\n"), .. drawing.Content, .. Latin1("\nendstream")];
        var objects = new List<byte[]>
        {
            Latin1("<< /Type /Catalog /Pages 2 0 R >>"),
            Latin1("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Latin1($"<< /Type /Page /Parent 2 0 R /MediaBox {box} /Resources << /Font << {fontRefs} >> >> /Contents 4 0 R >>"),
            contents,
        };
        objects.AddRange(fontNames.Select(name =>
            Latin1($"<< /Type /Font /Subtype /Type1 /BaseFont /{drawing.Fonts[name]} /Encoding /WinAnsiEncoding >>")));

        using var output = new MemoryStream();
        output.Write(Latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Latin1($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write(Latin1("\nendobj\n"));
        }
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Latin1(table.ToString()));
        File.WriteAllBytes(path, output.ToArray());
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
