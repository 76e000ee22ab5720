using System.IO.Compression;

namespace Worker.Pdf.Syntax;

/// <summary>Decodes the streams the strict reader needs (xref and object streams): FlateDecode with PNG or TIFF predictors, capped.</summary>
public static class StreamDecoder
{
    public static byte[] Decode(PdfStream stream, SyntaxLimits limits)
    {
        var filters = Filters(stream);
        if (filters.Length > 1 || filters.Any(f => !IsFlate(f)))
            throw new PdfSyntaxException("a cross-reference or object stream with a filter other than FlateDecode");
        var raw = stream.RawData();
        if (filters.Length == 0) return raw;
        var parameters = stream.Dictionary["DecodeParms"] switch
        {
            PdfDictionary d => d,
            PdfArray { Items: [PdfDictionary d] } => d,
            _ => null,
        };
        return Predictors.Undo(Inflate(raw, limits), parameters);
    }

    /// <summary>Inflates zlib data under the per-stream size and ratio caps of <paramref name="limits"/>.</summary>
    public static byte[] Inflate(byte[] raw, SyntaxLimits limits)
    {
        using var input = new MemoryStream(raw);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        Pump(zlib, Cap(raw.Length, limits), output, damagedIsEmpty: false);
        return output.ToArray();
    }

    /// <summary>
    /// How many bytes a stream whose filters are all FlateDecode decodes to, checked against the caps without
    /// keeping the output; null when other filters are involved (they are not decoded here). Damaged data counts
    /// as what decoded before the damage: a broken page is the viewer's problem, an endless one is ours.
    /// </summary>
    public static long? MeasureFlate(PdfStream stream, SyntaxLimits limits)
    {
        var filters = Filters(stream);
        if (filters.Length == 0 || filters.Any(f => !IsFlate(f))) return null;
        Stream decoded = new MemoryStream(stream.RawData(), writable: false);
        try
        {
            // A chain of Flate filters multiplies the ratios, so the output of the whole chain is what is capped.
            foreach (var _ in filters) decoded = new ZLibStream(decoded, CompressionMode.Decompress);
            return Pump(decoded, Cap(stream.DataLength, limits), Stream.Null, damagedIsEmpty: true);
        }
        finally
        {
            decoded.Dispose();
        }
    }

    private static long Cap(long encodedLength, SyntaxLimits limits) =>
        Math.Min(limits.MaxDecodedStreamBytes, Math.Max(limits.InflationRatioFloorBytes, encodedLength * limits.MaxInflationRatio));

    private static long Pump(Stream decoder, long cap, Stream output, bool damagedIsEmpty)
    {
        var buffer = new byte[64 * 1024];
        var total = 0L;
        try
        {
            for (int read; (read = decoder.Read(buffer)) > 0;)
            {
                total += read;
                if (total > cap) throw new PdfLimitException($"a stream inflates beyond the limit ({cap} bytes)");
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // Many writers end Flate data without its checksum or with a few junk bytes; keep what decoded.
            if (total == 0 && !damagedIsEmpty) throw new PdfSyntaxException("a stream's compressed data is damaged");
        }
        return total;
    }

    private static string[] Filters(PdfStream stream) => stream.Dictionary["Filter"] switch
    {
        null => [],
        PdfName n => [n.Value],
        PdfArray a => a.Items.Select(i => (i as PdfName)?.Value ?? throw new PdfSyntaxException("a stream filter that is not a name")).ToArray(),
        _ => throw new PdfSyntaxException("a stream filter that is not a name"),
    };

    private static bool IsFlate(string filter) => filter is "FlateDecode" or "Fl";
}
