namespace Worker.Pdf.Timestamps;

/// <summary>
/// Obtains RFC 3161 timestamp tokens: over a signature value (the signature-time-stamp of PAdES B-T) or over a digest
/// (a document timestamp), and says how much room to reserve in the file for one of its tokens.
/// Each method throws <see cref="TimestampException"/> when no valid token can be had, and
/// <see cref="OperationCanceledException"/> only when its token is cancelled.
/// </summary>
public interface ITimeStamper
{
    /// <summary>A DER-encoded TimeStampToken (a CMS ContentInfo) over SHA-256 of <paramref name="data"/>, normally the signature value.</summary>
    Task<byte[]> GetTokenAsync(byte[] data, CancellationToken ct);

    /// <summary>A DER-encoded TimeStampToken over an already computed SHA-256 digest (a document timestamp hashes the byte ranges itself).</summary>
    Task<byte[]> GetTokenForDigestAsync(byte[] sha256, CancellationToken ct);

    /// <summary>
    /// Bytes to reserve in a signature for one token of this stamper, asked before the token (which covers what the
    /// reserve is part of). A token larger than this makes the signature fail, never a broken file.
    /// </summary>
    Task<int> TokenReserveAsync(CancellationToken ct);
}
