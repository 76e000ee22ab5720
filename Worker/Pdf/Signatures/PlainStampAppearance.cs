using System.Globalization;
using System.Text;

namespace Worker.Pdf.Signatures;

/// <summary>
/// A plain stand-in drawing (border and text lines in Helvetica) for visible signatures, used until the
/// full stamp with QR code is plugged in and by tests that need a simple, recognizable appearance.
/// </summary>
public static class PlainStampAppearance
{
    /// <summary>A border and up to a few lines of text, sized for a <paramref name="width"/> x <paramref name="height"/> box.</summary>
    public static StampAppearance Create(double width, double height, IReadOnlyList<string> lines)
    {
        var content = new StringBuilder();
        content.Append(CultureInfo.InvariantCulture, $"q 0 0 0 RG 2 w 1 1 {width - 2:0.##} {height - 2:0.##} re S Q\n");
        var size = Math.Clamp(height / (lines.Count + 2), 5, 11);
        var y = height - 6 - size;
        foreach (var line in lines)
        {
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 {size:0.##} Tf 6 {y:0.##} Td ({Escape(line)}) Tj ET\n");
            y -= size * 1.3;
        }
        return new StampAppearance
        {
            Content = Encoding.Latin1.GetBytes(content.ToString()),
            Fonts = new Dictionary<string, string> { ["F1"] = "Helvetica" },
        };
    }

    // WinAnsiEncoding matches Latin-1 for letters with accents; anything beyond becomes '?'.
    private static string Escape(string text) =>
        string.Concat(text.Select(c => c switch
        {
            '(' or ')' or '\\' => "\\" + c,
            > '\u00FF' => "?",
            _ => c.ToString(),
        }));
}
