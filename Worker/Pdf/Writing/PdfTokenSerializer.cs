using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Writing;

/// <summary>Writes PdfPig tokens back to PDF syntax, noting where reserved holes land.</summary>
public sealed class PdfTokenSerializer(Stream output)
{
    private readonly Dictionary<string, ReservedRange> _reserved = new();

    /// <summary>Holes written so far; offsets are positions in the output stream.</summary>
    public IReadOnlyDictionary<string, ReservedRange> Reserved => _reserved;

    /// <summary>Writes one object (not the <c>obj</c>/<c>endobj</c> wrapper).</summary>
    public void Write(IToken token)
    {
        switch (token)
        {
            case null or NullToken: Ascii("null"); break;
            case BooleanToken b: Ascii(b.Data ? "true" : "false"); break;
            case NumericToken n: Ascii(FormatNumber(n)); break;
            case NameToken name: WriteName(name.Data); break;
            case StringToken s: WriteString(s); break;
            case HexToken h: Ascii("<" + Convert.ToHexString(h.Bytes) + ">"); break;
            case IndirectReferenceToken r: Ascii($"{r.Data.ObjectNumber} {r.Data.Generation} R"); break;
            case ArrayToken a: WriteArray(a); break;
            case DictionaryToken d: WriteDictionary(d); break;
            case StreamToken st: WriteStream(st); break;
            case ReservedBytesToken hole: WriteReserved(hole); break;
            default: throw new InvalidOperationException($"cannot serialize a {token.GetType().Name}");
        }
    }

    /// <summary>Writes raw ASCII text (keywords, whitespace).</summary>
    public void Ascii(string text) => output.Write(Encoding.ASCII.GetBytes(text));

    private void WriteArray(ArrayToken array)
    {
        Ascii("[");
        for (var i = 0; i < array.Data.Count; i++)
        {
            if (i > 0) Ascii(" ");
            Write(array.Data[i]);
        }
        Ascii("]");
    }

    private void WriteDictionary(DictionaryToken dict)
    {
        Ascii("<<");
        foreach (var (key, value) in dict.Data)
        {
            WriteName(key);
            Ascii(" ");
            Write(value);
        }
        Ascii(">>");
    }

    private void WriteStream(StreamToken stream)
    {
        var data = stream.Data.Span;
        WriteDictionary(stream.StreamDictionary.With(NameToken.Length, new NumericToken(data.Length)));
        Ascii("\nstream\n");
        output.Write(data);
        Ascii("\nendstream");
    }

    private void WriteReserved(ReservedBytesToken hole)
    {
        _reserved[hole.Name] = new ReservedRange { Offset = output.Position, Length = hole.Filler.Length };
        output.Write(hole.Filler);
    }

    private void WriteName(string name)
    {
        var sb = new StringBuilder("/");
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var regular = b is > 0x20 and < 0x7F && "()<>[]{}/%#".IndexOf((char)b) < 0;
            sb.Append(regular ? ((char)b).ToString() : "#" + b.ToString("X2", CultureInfo.InvariantCulture));
        }
        Ascii(sb.ToString());
    }

    private void WriteString(StringToken s)
    {
        // Text that fits one byte per character round-trips as a literal; anything else as UTF-16BE with a BOM.
        if (s.EncodedWith is StringToken.Encoding.Utf16 or StringToken.Encoding.Utf16BE || s.Data.Any(c => c > 0xFF))
        {
            Ascii("<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(s.Data)) + ">");
            return;
        }
        var sb = new StringBuilder("(");
        foreach (var c in s.Data)
        {
            sb.Append(c switch
            {
                '(' => @"\(",
                ')' => @"\)",
                '\\' => @"\\",
                _ when c < 0x20 || c > 0x7E => "\\" + Convert.ToString(c, 8).PadLeft(3, '0'),
                _ => c.ToString(),
            });
        }
        sb.Append(')');
        Ascii(sb.ToString());
    }

    private static string FormatNumber(NumericToken n)
    {
        if (!n.HasDecimalPlaces)
            return n.Long.ToString(CultureInfo.InvariantCulture);
        var text = n.Double.ToString("0.##########", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
