using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Writing;

/// <summary>Writes a classic xref table with one subsection per run of consecutive object numbers.</summary>
internal static class XrefTableWriter
{
    public static long Write(PdfTokenSerializer serializer, Stream output,
        SortedDictionary<long, (IndirectReference Reference, long Offset)> offsets, Dictionary<NameToken, IToken> trailer)
    {
        var xrefOffset = output.Position;
        serializer.Ascii("xref\n");
        var numbers = offsets.Keys.ToList();
        for (var start = 0; start < numbers.Count;)
        {
            var end = start;
            while (end + 1 < numbers.Count && numbers[end + 1] == numbers[end] + 1) end++;
            serializer.Ascii($"{numbers[start]} {end - start + 1}\n");
            for (var i = start; i <= end; i++)
            {
                var (reference, offset) = offsets[numbers[i]];
                // Each entry is exactly 20 bytes, as the specification requires.
                serializer.Ascii($"{offset:D10} {reference.Generation:D5} n\r\n");
            }
            start = end + 1;
        }
        serializer.Ascii("trailer\n");
        serializer.Write(new DictionaryToken(trailer));
        serializer.Ascii("\n");
        return xrefOffset;
    }
}
