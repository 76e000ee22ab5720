using System.Globalization;
using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Signatures;

/// <summary>Makes PDF text strings and dates.</summary>
public static class PdfText
{
    /// <summary>A text string: ASCII as a literal, anything else as UTF-16BE so every reader gets the accents right.</summary>
    public static StringToken Of(string text) =>
        new(text, text.All(c => c is >= ' ' and <= '~') ? StringToken.Encoding.Iso88591 : StringToken.Encoding.Utf16BE);

    /// <summary>A PDF date such as <c>D:20250102150405+08'00'</c>.</summary>
    public static StringToken Date(DateTimeOffset time)
    {
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var value = time.ToString("'D:'yyyyMMddHHmmss", CultureInfo.InvariantCulture)
            + $"{sign}{Math.Abs(offset.Hours):D2}'{Math.Abs(offset.Minutes):D2}'";
        return new StringToken(value, StringToken.Encoding.Iso88591);
    }
}
