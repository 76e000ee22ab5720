using System.Text;

namespace Worker.Pdf.Reading;

/// <summary>Reads the file's tail for <c>startxref</c> and looks at what that offset points to.</summary>
public static class StartXrefLocator
{
    // Writers may leave some garbage after %%EOF; 4 KB is far more than any sane tail.
    private const int TailLength = 4096;

    /// <summary>Finds the newest xref section or refuses the file as damaged.</summary>
    public static LastXrefSection Locate(Stream file)
    {
        var tailStart = Math.Max(0, file.Length - TailLength);
        var tail = ReadAt(file, tailStart, (int)(file.Length - tailStart));
        var text = Encoding.Latin1.GetString(tail);
        var keyword = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (keyword < 0)
            throw new PdfRefusedException(PdfRefusal.Damaged, "damaged PDF: no 'startxref' at the end of the file (truncated?)");
        var digits = new StringBuilder();
        var i = keyword + "startxref".Length;
        while (i < text.Length && IsWhite(text[i])) i++;
        while (i < text.Length && char.IsAsciiDigit(text[i])) digits.Append(text[i++]);
        if (digits.Length == 0 || !long.TryParse(digits.ToString(), out var offset) || offset <= 0 || offset >= file.Length)
            throw new PdfRefusedException(PdfRefusal.NeedsRepair, "damaged PDF: 'startxref' does not point inside the file");
        if (text.IndexOf("%%EOF", i, StringComparison.Ordinal) < 0)
            throw new PdfRefusedException(PdfRefusal.Damaged, "damaged PDF: no '%%EOF' after 'startxref' (truncated?)");
        return new LastXrefSection { Offset = offset, Kind = KindAt(file, offset) };
    }

    private static XrefKind KindAt(Stream file, long offset)
    {
        var head = Encoding.Latin1.GetString(ReadAt(file, offset, (int)Math.Min(64, file.Length - offset)));
        var start = 0;
        while (start < head.Length && IsWhite(head[start])) start++;
        var rest = head[start..];
        if (rest.StartsWith("xref", StringComparison.Ordinal))
            return XrefKind.Table;
        if (System.Text.RegularExpressions.Regex.IsMatch(rest, @"^\d+\s+\d+\s+obj"))
            return XrefKind.Stream;
        throw new PdfRefusedException(PdfRefusal.NeedsRepair, "damaged PDF: 'startxref' points to neither an xref table nor an xref stream");
    }

    private static bool IsWhite(char c) => c is ' ' or '\r' or '\n' or '\t' or '\f' or '\0';

    private static byte[] ReadAt(Stream file, long offset, int length)
    {
        var buffer = new byte[length];
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }
}
