using System.Globalization;
using System.Text;

namespace Worker.Pdf.Syntax;

/// <summary>Splits PDF bytes into tokens (ISO 32000-1 7.2); never recurses, and bounds every token's size.</summary>
public sealed class PdfLexer(ByteSource source, SyntaxLimits limits)
{
    /// <summary>Where the next token is looked for.</summary>
    public long Position { get; set; }

    /// <summary>The bytes being read.</summary>
    public ByteSource Source => source;

    public static bool IsWhite(int b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(int b) => b is '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '/' or '%';

    /// <summary>Skips white space and comments.</summary>
    public void SkipWhite()
    {
        while (true)
        {
            var b = source[Position];
            if (IsWhite(b)) { Position++; continue; }
            if (b != '%') return;
            while (source[Position] is not (-1 or '\n' or '\r')) Position++;
        }
    }

    public PdfToken Next()
    {
        SkipWhite();
        var start = Position;
        var b = source[Position];
        switch (b)
        {
            case -1: return new PdfToken(PdfTokenKind.End, start);
            case '[': Position++; return new PdfToken(PdfTokenKind.ArrayStart, start);
            case ']': Position++; return new PdfToken(PdfTokenKind.ArrayEnd, start);
            case '/': Position++; return new PdfToken(PdfTokenKind.Name, start, Value: new PdfName(ReadName()));
            case '(': Position++; return new PdfToken(PdfTokenKind.String, start, Value: new PdfString(ReadLiteral(), false));
            case '>' when source[Position + 1] == '>': Position += 2; return new PdfToken(PdfTokenKind.DictionaryEnd, start);
            case '<' when source[Position + 1] == '<': Position += 2; return new PdfToken(PdfTokenKind.DictionaryStart, start);
            case '<': Position++; return new PdfToken(PdfTokenKind.String, start, Value: new PdfString(ReadHex(), true));
            case ')' or '>' or '{' or '}': Position++; return new PdfToken(PdfTokenKind.Keyword, start, ((char)b).ToString());
        }
        var text = ReadRegular();
        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return new PdfToken(PdfTokenKind.Number, start, text, new PdfNumber(number));
        return new PdfToken(PdfTokenKind.Keyword, start, text);
    }

    private string ReadRegular()
    {
        var text = new StringBuilder();
        for (int b; (b = source[Position]) >= 0 && !IsWhite(b) && !IsDelimiter(b); Position++)
        {
            if (text.Length >= 256) throw new PdfLimitException("a token longer than 256 bytes");
            text.Append((char)b);
        }
        return text.ToString();
    }

    private string ReadName()
    {
        var bytes = new List<byte>();
        for (int b; (b = source[Position]) >= 0 && !IsWhite(b) && !IsDelimiter(b); Position++)
        {
            if (bytes.Count >= 1024) throw new PdfLimitException("a name longer than 1024 bytes");
            if (b == '#' && Hex(source[Position + 1]) is var high and >= 0 && Hex(source[Position + 2]) is var low and >= 0)
            {
                bytes.Add((byte)(high * 16 + low));
                Position += 2;
            }
            else
            {
                bytes.Add((byte)b);
            }
        }
        return Encoding.Latin1.GetString(bytes.ToArray());
    }

    private byte[] ReadLiteral()
    {
        var bytes = new List<byte>();
        var depth = 1;
        while (true)
        {
            var b = source[Position++];
            if (b < 0) throw new PdfSyntaxException("a string is not closed");
            if (bytes.Count >= limits.MaxStringBytes) throw new PdfLimitException("a string longer than the limit");
            if (b == '(') depth++;
            else if (b == ')' && --depth == 0) return bytes.ToArray();
            if (b != '\\') { bytes.Add((byte)b); continue; }
            var e = source[Position++];
            switch (e)
            {
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case '\r': if (source[Position] == '\n') Position++; break;
                case '\n': break;
                case >= '0' and <= '7':
                    var value = e - '0';
                    for (var i = 0; i < 2 && source[Position] is >= '0' and <= '7'; i++) value = value * 8 + (source[Position++] - '0');
                    bytes.Add((byte)value);
                    break;
                case -1: throw new PdfSyntaxException("a string is not closed");
                default: bytes.Add((byte)e); break;
            }
        }
    }

    private byte[] ReadHex()
    {
        var bytes = new List<byte>();
        var high = -1;
        while (true)
        {
            var b = source[Position++];
            if (b == '>') break;
            if (b < 0) throw new PdfSyntaxException("a hex string is not closed");
            if (IsWhite(b)) continue;
            var digit = Hex(b);
            if (digit < 0) throw new PdfSyntaxException("a hex string holds a character that is not a hex digit");
            if (high < 0) { high = digit; continue; }
            if (bytes.Count >= limits.MaxStringBytes) throw new PdfLimitException("a string longer than the limit");
            bytes.Add((byte)(high * 16 + digit));
            high = -1;
        }
        if (high >= 0) bytes.Add((byte)(high * 16));
        return bytes.ToArray();
    }

    private static int Hex(int b) => b switch
    {
        >= '0' and <= '9' => b - '0',
        >= 'a' and <= 'f' => b - 'a' + 10,
        >= 'A' and <= 'F' => b - 'A' + 10,
        _ => -1,
    };
}
