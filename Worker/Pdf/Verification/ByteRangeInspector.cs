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
        var gap = ReadAt(file, range[1], (int)(range[2] - range[1]));
        byte[]? cms = null;
        if (gap[0] != '<' || gap[^1] != '>' || !IsHex(gap.AsSpan(1, gap.Length - 2)))
            problems.Add("the gap in /ByteRange is not exactly the /Contents hex string");
        else
            cms = TrimDer(Convert.FromHexString(Encoding.ASCII.GetString(gap, 1, gap.Length - 2)));
        var before = Encoding.Latin1.GetString(ReadAt(file, Math.Max(0, range[1] - 32), (int)Math.Min(32, range[1]))).TrimEnd(' ', '\r', '\n', '\t', '\f', '\0');
        if (!before.EndsWith("/Contents", StringComparison.Ordinal))
            problems.Add("the gap in /ByteRange is not the /Contents value");
        var end = range[2] + range[3];
        var tail = Encoding.Latin1.GetString(ReadAt(file, Math.Max(0, end - 16), (int)Math.Min(16, end))).TrimEnd(' ', '\r', '\n', '\t', '\f', '\0');
        if (!tail.EndsWith("%%EOF", StringComparison.Ordinal))
            problems.Add("/ByteRange does not end at the end of a revision");
        if (cms is null && problems.Count == 0)
            problems.Add("/Contents does not hold a DER CMS");
        return new ByteRangeInspection { Problems = problems, Cms = cms, RevisionEnd = end };
    }

    private static bool IsHex(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
            if (!char.IsAsciiHexDigit((char)b)) return false;
        return span.Length % 2 == 0;
    }

    // The placeholder is zero-padded after the DER; the outer SEQUENCE's length says where it really ends.
    private static byte[]? TrimDer(byte[] data)
    {
        if (data.Length < 2 || data[0] != 0x30) return null;
        long length;
        int header;
        if (data[1] < 0x80)
        {
            (length, header) = (data[1], 2);
        }
        else
        {
            var count = data[1] & 0x7F;
            if (count is 0 or > 4 || data.Length < 2 + count) return null;
            length = 0;
            for (var i = 0; i < count; i++) length = (length << 8) | data[2 + i];
            header = 2 + count;
        }
        return header + length <= data.Length ? data[..(int)(header + length)] : null;
    }

    private static byte[] ReadAt(Stream file, long offset, int length)
    {
        var buffer = new byte[length];
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }
}
