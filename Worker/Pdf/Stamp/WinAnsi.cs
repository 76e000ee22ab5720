using System.Text;

namespace Worker.Pdf.Stamp;

/// <summary>Encodes text in WinAnsiEncoding and writes it as PDF literal strings.</summary>
internal static class WinAnsi
{
    /// <summary>The byte written for a character WinAnsi cannot show.</summary>
    public const byte Unknown = (byte)'?';

    /// <summary>The horizontal ellipsis (…) in WinAnsi.</summary>
    public const byte Ellipsis = 0x85;

    // Unicode code points of WinAnsi 0x80..0x9F; zero marks the five undefined codes.
    private static readonly char[] HighControls =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];

    /// <summary>Encodes text, composing accents first; characters outside WinAnsi become '?'.</summary>
    public static byte[] Encode(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormC);
        var bytes = new List<byte>(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
        {
            bytes.Add(ToByte(rune.Value));
        }
        return [.. bytes];
    }

    /// <summary>Writes bytes as a PDF literal string, escaping delimiters and non-ASCII bytes.</summary>
    public static void AppendLiteral(StringBuilder output, ReadOnlySpan<byte> bytes)
    {
        output.Append('(');
        foreach (var b in bytes)
        {
            switch (b)
            {
                case (byte)'(' or (byte)')' or (byte)'\\':
                    output.Append('\\').Append((char)b);
                    break;
                case >= 0x20 and < 0x7F:
                    output.Append((char)b);
                    break;
                default:
                    // Octal keeps the stream plain ASCII whatever the reader's line-ending handling.
                    output.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                    break;
            }
        }
        output.Append(')');
    }

    private static byte ToByte(int codePoint)
    {
        switch (codePoint)
        {
            case '\t' or '\n' or '\r':
                return (byte)' ';
            case >= 0x20 and < 0x7F:
            case >= 0xA0 and <= 0xFF:
                return (byte)codePoint;
        }
        var index = Array.IndexOf(HighControls, (char)codePoint);
        return codePoint <= char.MaxValue && codePoint != 0 && index >= 0 ? (byte)(0x80 + index) : Unknown;
    }
}
