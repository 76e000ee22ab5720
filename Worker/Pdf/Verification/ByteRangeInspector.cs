using System.Text;

namespace Worker.Pdf.Verification;

/// <summary>
/// Checks that a /ByteRange starts at 0, leaves out exactly the /Contents hex string, and ends at the end
/// of a revision (a %%EOF line); extracts the CMS from the gap.
/// </summary>
internal static class ByteRangeInspector
{
    public static ByteRangeInspection Inspect(Stream file, IReadOnlyList<long> range)
    {
        if (range.Count != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0
            || range[2] + range[3] > file.Length || range[2] - range[1] > 16 * 1024 * 1024)
            return new ByteRangeInspection { Problems = ["malformed /ByteRange"] };
        var problems = new List<string>();
        var notes = new List<string>();
        var gap = ReadAt(file, range[1], (int)(range[2] - range[1]));
        byte[]? cms = null;
        if (gap[0] != '<' || gap[^1] != '>' || !IsHex(gap.AsSpan(1, gap.Length - 2)))
            problems.Add("the gap in /ByteRange is not exactly the /Contents hex string");
        else
            cms = TrimToCms(Convert.FromHexString(Encoding.ASCII.GetString(gap, 1, gap.Length - 2)), notes);
        var before = Encoding.Latin1.GetString(ReadAt(file, Math.Max(0, range[1] - 32), (int)Math.Min(32, range[1]))).TrimEnd(' ', '\r', '\n', '\t', '\f', '\0');
        if (!before.EndsWith("/Contents", StringComparison.Ordinal))
            problems.Add("the gap in /ByteRange is not the /Contents value");
        var end = range[2] + range[3];
        var tail = Encoding.Latin1.GetString(ReadAt(file, Math.Max(0, end - 16), (int)Math.Min(16, end))).TrimEnd(' ', '\r', '\n', '\t', '\f', '\0');
        if (!tail.EndsWith("%%EOF", StringComparison.Ordinal))
            problems.Add("/ByteRange does not end at the end of a revision");
        if (cms is null && problems.Count == 0)
            problems.Add("/Contents does not hold a CMS (not a well-formed ASN.1 SEQUENCE)");
        return new ByteRangeInspection { Problems = problems, Notes = notes, Cms = cms, RevisionEnd = end };
    }

    private static bool IsHex(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
            if (!char.IsAsciiHexDigit((char)b)) return false;
        return span.Length % 2 == 0;
    }

    /// <summary>The CMS at the start of a zero-padded /Contents value, or null when there is none.</summary>
    public static byte[]? TrimmedCms(byte[] contents) => TrimToCms(contents, []);

    // The placeholder is zero-padded after the CMS; the outer element's own length says where it really ends.
    private static byte[]? TrimToCms(byte[] data, List<string> notes)
    {
        if (data.Length < 2 || data[0] != 0x30 || BerElement.Length(data, out var indefinite) is not { } length) return null;
        if (indefinite) notes.Add("the CMS is BER with indefinite lengths (as NSS writes it), not DER");
        if (data.AsSpan(length).ContainsAnyExcept((byte)0))
            notes.Add("/Contents holds bytes after the CMS that are not zero padding (they are not signed and were ignored)");
        return data[..length];
    }

    private static byte[] ReadAt(Stream file, long offset, int length)
    {
        var buffer = new byte[length];
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }
}
