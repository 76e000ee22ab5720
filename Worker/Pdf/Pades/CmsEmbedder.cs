using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Worker.Pdf.Signatures;

namespace Worker.Pdf.Pades;

/// <summary>
/// The one place that knows both sides: fills /ByteRange, streams the signed ranges of the prepared file
/// into the hash, asks for the CMS over that digest, and patches it into /Contents in place.
/// </summary>
public static class CmsEmbedder
{
    private const int BufferSize = 128 * 1024;

    /// <summary>Completes the signature in <paramref name="file"/> (readable, writable, seekable).</summary>
    public static async Task<long[]> EmbedAsync(Stream file, PreparedSignature prepared, HashAlgorithmName hash,
        Func<byte[], CancellationToken, Task<byte[]>> cmsForDigest, CancellationToken cancellationToken)
    {
        var contents = prepared.Contents;
        var afterContents = contents.Offset + contents.Length;
        long[] byteRange = [0, contents.Offset, afterContents, prepared.FileLength - afterContents];
        WriteByteRange(file, prepared, byteRange);

        using var digest = IncrementalHash.CreateHash(hash);
        await HashRangeAsync(file, 0, byteRange[1], digest, cancellationToken);
        await HashRangeAsync(file, byteRange[2], byteRange[3], digest, cancellationToken);

        var cms = await cmsForDigest(digest.GetHashAndReset(), cancellationToken);
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms));
        if (hex.Length > contents.Length - 2)
            throw new InvalidOperationException($"the CMS ({cms.Length} bytes) does not fit the reserved /Contents ({(contents.Length - 2) / 2} bytes)");
        file.Position = contents.Offset + 1;
        await file.WriteAsync(hex, cancellationToken);
        await file.FlushAsync(cancellationToken);
        return byteRange;
    }

    private static void WriteByteRange(Stream file, PreparedSignature prepared, long[] byteRange)
    {
        var text = "[" + string.Join(' ', byteRange.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var width = prepared.ByteRange.Length;
        if (text.Length + 1 > width)
            throw new InvalidOperationException("the /ByteRange placeholder is too small");
        file.Position = prepared.ByteRange.Offset;
        file.Write(Encoding.ASCII.GetBytes(text.PadRight(width - 1) + "]"));
    }

    private static async Task HashRangeAsync(Stream file, long offset, long length, IncrementalHash digest, CancellationToken cancellationToken)
    {
        var buffer = new byte[(int)Math.Min(BufferSize, Math.Max(length, 1))];
        file.Position = offset;
        while (length > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), cancellationToken);
            if (read == 0) throw new EndOfStreamException("the prepared file is shorter than its byte range");
            digest.AppendData(buffer, 0, read);
            length -= read;
        }
    }
}
