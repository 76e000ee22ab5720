using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Writing;

/// <summary>Writes an uncompressed cross-reference stream (type 1 entries only), including its own entry.</summary>
internal static class XrefStreamWriter
{
    public static long Write(PdfTokenSerializer serializer, Stream output,
        SortedDictionary<long, (IndirectReference Reference, long Offset)> offsets, long nextNumber,
        Func<long, Dictionary<NameToken, IToken>> trailer)
    {
        var xrefOffset = output.Position;
        var self = new IndirectReference(nextNumber, 0);
        var entries = new SortedDictionary<long, (IndirectReference Reference, long Offset)>(offsets)
        {
            [self.ObjectNumber] = (self, xrefOffset),
        };
        var offsetWidth = BytesFor(xrefOffset);
        var index = new List<IToken>();
        var numbers = entries.Keys.ToList();
        var rows = new MemoryStream();
        for (var start = 0; start < numbers.Count;)
        {
            var end = start;
            while (end + 1 < numbers.Count && numbers[end + 1] == numbers[end] + 1) end++;
            index.Add(new NumericToken(numbers[start]));
            index.Add(new NumericToken(end - start + 1));
            for (var i = start; i <= end; i++)
            {
                var (reference, offset) = entries[numbers[i]];
                rows.WriteByte(1);
                WriteBigEndian(rows, offset, offsetWidth);
                WriteBigEndian(rows, reference.Generation, 2);
            }
            start = end + 1;
        }
        var dict = trailer(nextNumber + 1);
        dict[NameToken.Type] = NameToken.Xref;
        dict[NameToken.W] = new ArrayToken([new NumericToken(1), new NumericToken(offsetWidth), new NumericToken(2)]);
        dict[NameToken.Index] = new ArrayToken(index);
        serializer.Ascii($"{self.ObjectNumber} 0 obj\n");
        serializer.Write(new StreamToken(new DictionaryToken(dict), rows.ToArray()));
        serializer.Ascii("\nendobj\n");
        return xrefOffset;
    }

    private static int BytesFor(long value)
    {
        var bytes = 1;
        while (value >= 1L << (8 * bytes)) bytes++;
        return Math.Max(bytes, 4);
    }

    private static void WriteBigEndian(Stream stream, long value, int width)
    {
        for (var shift = (width - 1) * 8; shift >= 0; shift -= 8)
            stream.WriteByte((byte)(value >> shift));
    }
}
