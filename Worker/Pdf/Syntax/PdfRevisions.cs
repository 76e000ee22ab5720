using System.Text;

namespace Worker.Pdf.Syntax;

/// <summary>
/// A file as a sequence of revisions: each ends with <c>startxref N %%EOF</c>, and each revision's xref chain
/// is read strictly from that offset through /Prev (no loops, no repair). Views of any revision share the file.
/// </summary>
public sealed class PdfRevisions
{
    private const int TailWindow = 2048;
    private readonly Stream _file;
    private readonly SyntaxLimits _limits;

    private PdfRevisions(Stream file, SyntaxLimits limits)
    {
        _file = file;
        _limits = limits;
    }

    /// <summary>The whole file's length.</summary>
    public long Length => _file.Length;

    public static PdfRevisions Open(Stream file, SyntaxLimits? limits = null) => new(file, limits ?? SyntaxLimits.Default);

    /// <summary>
    /// The revision that ends at <paramref name="end"/> (just after its %%EOF line), read through its own
    /// startxref; throws <see cref="PdfSyntaxException"/> when its cross-reference data is not exact.
    /// </summary>
    public RevisionView ViewAt(long end)
    {
        var source = new ByteSource(_file, end);
        var head = StartXrefBefore(source, end) ?? throw new PdfSyntaxException("no 'startxref … %%EOF' at the end of the revision");
        return new RevisionView(source, ReadChain(source, head), _limits);
    }

    /// <summary>The newest revision: the file as every viewer shows it.</summary>
    public RevisionView Current() => ViewAt(Length);

    /// <summary>Where the last %%EOF line ends; bytes after it (other than white space) belong to no revision.</summary>
    public long LastRevisionEnd()
    {
        var source = new ByteSource(_file, Length);
        var tail = Tail(source, Length);
        var eof = tail.Text.LastIndexOf("%%EOF", StringComparison.Ordinal);
        return eof < 0 ? -1 : tail.Start + eof + 5;
    }

    /// <summary>True when only white space (or NUL padding) follows <paramref name="position"/>.</summary>
    public bool OnlyWhiteSpaceAfter(long position)
    {
        var source = new ByteSource(_file, Length);
        for (var p = position; p < Length; p++)
            if (!PdfLexer.IsWhite(source[p])) return false;
        return true;
    }

    /// <summary>Every position just after a %%EOF marker, oldest first (the candidate revision ends).</summary>
    public IReadOnlyList<long> EofMarkers()
    {
        var ends = new List<long>();
        var source = new ByteSource(_file, Length);
        ReadOnlySpan<byte> marker = "%%EOF"u8;
        var matched = 0;
        for (long p = 0; p < Length; p++)
        {
            var b = source[p];
            matched = b == marker[matched] ? matched + 1 : b == marker[0] ? 1 : 0;
            if (matched == marker.Length) { ends.Add(p + 1); matched = 0; }
        }
        return ends;
    }

    private IReadOnlyList<XrefSection> ReadChain(ByteSource source, long head)
    {
        var reader = new XrefSectionReader(source, _limits);
        var chain = new List<XrefSection>();
        var seen = new HashSet<long>();
        var entries = 0L;
        for (long? offset = head; offset is { } at;)
        {
            if (!seen.Add(at)) throw new PdfSyntaxException($"the /Prev chain of cross-reference sections loops back to offset {at}");
            if (chain.Count >= _limits.MaxXrefSections) throw new PdfLimitException("too many cross-reference sections");
            var section = reader.Read(at);
            entries += section.Entries.Count;
            if (entries > _limits.MaxXrefEntries) throw new PdfLimitException("more cross-reference entries than allowed");
            chain.Add(section);
            offset = section.Prev;
        }
        return chain;
    }

    /// <summary>The offset named by the last <c>startxref</c> before <paramref name="end"/>, when a %%EOF follows it.</summary>
    private static long? StartXrefBefore(ByteSource source, long end)
    {
        var tail = Tail(source, end);
        var keyword = tail.Text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (keyword < 0) return null;
        var i = keyword + "startxref".Length;
        while (i < tail.Text.Length && PdfLexer.IsWhite(tail.Text[i])) i++;
        var digits = i;
        while (i < tail.Text.Length && char.IsAsciiDigit(tail.Text[i])) i++;
        if (i == digits || i - digits > 15 || tail.Text.IndexOf("%%EOF", i, StringComparison.Ordinal) < 0) return null;
        return long.Parse(tail.Text.AsSpan(digits, i - digits), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (long Start, string Text) Tail(ByteSource source, long end)
    {
        var start = Math.Max(0, end - TailWindow);
        return (start, Encoding.Latin1.GetString(source.Read(start, (int)(end - start))));
    }
}
