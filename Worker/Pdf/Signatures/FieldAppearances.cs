using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Stamp;
using Worker.Pdf.Writing;
using static Worker.Pdf.Stamp.PdfNumber;

namespace Worker.Pdf.Signatures;

/// <summary>
/// Gives each filled text and choice field an appearance that shows its value, for forms that relied on
/// /NeedAppearances (LibreOffice writes empty ones): once the flag is cleared, viewers draw what the file holds.
/// </summary>
internal static partial class FieldAppearances
{
    private const int MaxDepth = 32;
    private const int Multiline = 1 << 12;
    private const double Padding = 2;
    // A field shows a line or a few; a hostile megabyte-long value must not become a megabyte of content stream.
    private const int MaxCharacters = 2000;

    /// <summary>Writes the new appearances into <paramref name="update"/>; the widgets keep everything else.</summary>
    public static void Refresh(PdfStructure pdf, IncrementalUpdate update, IEnumerable<IToken> fields)
    {
        var visited = new HashSet<IndirectReference>();
        foreach (var field in fields) Visit(pdf, update, field, new Inherited(null, null, null, null, 0), visited, 0);
    }

    private sealed record Inherited(string? Type, IToken? Value, string? Da, int? Quadding, int Flags);

    private static void Visit(PdfStructure pdf, IncrementalUpdate update, IToken token, Inherited up, HashSet<IndirectReference> visited, int depth)
    {
        if (depth > MaxDepth || token is not IndirectReferenceToken r || !visited.Add(r.Data) || pdf.Resolve(token) is not DictionaryToken dict) return;
        var here = new Inherited(
            pdf.Get(dict, "FT") is NameToken ft ? ft.Data : up.Type,
            dict.Data.GetValueOrDefault("V") ?? up.Value,
            pdf.Get(dict, "DA") is StringToken da ? da.Data : up.Da,
            pdf.Get(dict, "Q") is NumericToken q ? q.Int : up.Quadding,
            pdf.Get(dict, "Ff") is NumericToken ff ? ff.Int : up.Flags);
        if (pdf.Get(dict, "Kids") is ArrayToken kids)
        {
            foreach (var kid in kids.Data) Visit(pdf, update, kid, here, visited, depth + 1);
            return;
        }
        if (here.Type is not ("Tx" or "Ch") || Text(pdf, here.Value) is not { Length: > 0 } text) return;
        if (pdf.Get(dict, "Rect") is not ArrayToken { Length: 4 } rect) return;
        var box = PdfBox.FromCorners(Number(pdf, rect[0]), Number(pdf, rect[1]), Number(pdf, rect[2]), Number(pdf, rect[3]));
        if (box.Width < 1 || box.Height < 1) return;
        var stream = Draw(text.Length > MaxCharacters ? text[..MaxCharacters] : text, box.Width, box.Height, here);
        var ap = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.N] = new IndirectReferenceToken(update.Add(stream)) });
        update.Set(r.Data, dict.With(NameToken.Ap, ap));
    }

    private static StreamToken Draw(string text, double width, double height, Inherited field)
    {
        var (size, color) = ParseDa(field.Da);
        var lines = (field.Flags & Multiline) != 0 ? text.ReplaceLineEndings("\n").Split('\n') : [text.ReplaceLineEndings(" ")];
        if (size <= 0) size = Math.Clamp((height - 2 * Padding) / lines.Length, 4, 12);
        var ops = new StringBuilder($"/Tx BMC q {Format(Padding / 2)} {Format(Padding / 2)} {Format(width - Padding)} {Format(height - Padding)} re W n BT /Helv {Format(size)} Tf {color}\n");
        // A single line sits centred vertically, as viewers that rebuild appearances place it; several start at the top.
        var baseline = lines.Length == 1 ? (height - size * 0.72) / 2 : height - Padding - size * 0.93;
        foreach (var line in lines)
        {
            var bytes = WinAnsi.Encode(line);
            var lineWidth = HelveticaMetrics.Width(bytes, StampFont.Regular, size);
            var x = field.Quadding switch { 1 => (width - lineWidth) / 2, 2 => width - Padding - lineWidth, _ => Padding };
            ops.Append($"1 0 0 1 {Format(x)} {Format(baseline)} Tm ");
            WinAnsi.AppendLiteral(ops, bytes);
            ops.Append(" Tj\n");
            baseline -= size * 1.15;
        }
        ops.Append("ET Q EMC");
        var font = AppearanceStream.StandardFont("Helvetica");
        return new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Xobject,
            [NameToken.Subtype] = NameToken.Form,
            [NameToken.Bbox] = AppearanceStream.Numbers(0, 0, width, height),
            [NameToken.Resources] = new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Font] = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("Helv")] = font }),
            }),
        }), Encoding.ASCII.GetBytes(ops.ToString()));
    }

    // The size and the colour operator of a default appearance like "0.298 0.298 0.298 rg /F3 11 Tf"; its font is not ours to reuse.
    private static (double Size, string Color) ParseDa(string? da)
    {
        var size = da is not null && SizePattern().Match(da) is { Success: true } s ? double.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var color = da is not null && ColorPattern().Match(da) is { Success: true } c ? c.Value : "0 g";
        return (Math.Min(size, 72), color);
    }

    private static string? Text(PdfStructure pdf, IToken? value) => pdf.Resolve(value) switch
    {
        StringToken s => s.Data,
        HexToken h => Decode([.. h.Bytes]),
        ArrayToken a when a.Length > 0 => Text(pdf, a[0]),
        _ => null,
    };

    // A text string is UTF-16BE behind its byte order mark, otherwise (close enough for a field value) Latin-1.
    private static string Decode(byte[] bytes) => bytes is [0xFE, 0xFF, ..]
        ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.Latin1.GetString(bytes);

    private static double Number(PdfStructure pdf, IToken token) => pdf.Resolve(token) is NumericToken n ? n.Double : 0;

    [GeneratedRegex(@"([0-9]*\.?[0-9]+)\s+Tf")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"(?:-?[0-9]*\.?[0-9]+\s+){1,4}(?:rg|g|k)\b")]
    private static partial Regex ColorPattern();
}
