using System.IO.Compression;

namespace Worker.Pdf.Syntax;

/// <summary>Decodes the streams the strict reader needs (xref and object streams): FlateDecode with PNG or TIFF predictors, capped.</summary>
public static class StreamDecoder
{
    public static byte[] Decode(PdfStream stream, SyntaxLimits limits)
    {
        var filter = stream.Dictionary["Filter"];
        var filters = filter switch
        {
            null => [],
            PdfName n => [n.Value],
            PdfArray a => a.Items.Select(i => (i as PdfName)?.Value ?? throw new PdfSyntaxException("a stream filter that is not a name")).ToArray(),
            _ => throw new PdfSyntaxException("a stream filter that is not a name"),
        };
        if (filters.Length > 1 || filters.Any(f => f is not ("FlateDecode" or "Fl")))
            throw new PdfSyntaxException("a cross-reference or object stream with a filter other than FlateDecode");
        var raw = stream.RawData();
        if (filters.Length == 0) return raw;
        var parameters = stream.Dictionary["DecodeParms"] switch
        {
            PdfDictionary d => d,
            PdfArray { Items: [PdfDictionary d] } => d,
            _ => null,
        };
        return Predictors.Undo(Inflate(raw, limits.MaxDecodedStreamBytes), parameters);
    }

    /// <summary>Inflates zlib data, refusing to produce more than <paramref name="max"/> bytes.</summary>
    public static byte[] Inflate(byte[] raw, int max)
    {
        using var input = new MemoryStream(raw);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            for (int read; (read = zlib.Read(buffer)) > 0;)
            {
                if (output.Length + read > max) throw new PdfSyntaxException("a stream inflates beyond the limit");
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // Many writers end Flate data without its checksum or with a few junk bytes; keep what decoded.
            if (output.Length == 0) throw new PdfSyntaxException("a stream's compressed data is damaged");
        }
        return output.ToArray();
    }
}
