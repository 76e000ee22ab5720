namespace Worker.Pdf.Timestamps;

/// <summary>
/// Obtains RFC 3161 timestamp tokens: over a signature value (the signature-time-stamp of PAdES B-T) or over a digest
/// (a document timestamp).
/// Each method throws <see cref="TimestampException"/> when no valid token can be had, and
/// <see cref="OperationCanceledException"/> only when its token is cancelled.
/// </summary>
public interface ITimeStamper
{
    /// <summary>A DER-encoded TimeStampToken (a CMS ContentInfo) over SHA-256 of <paramref name="data"/>, normally the signature value.</summary>
    Task<byte[]> GetTokenAsync(byte[] data, CancellationToken ct);

    /// <summary>A DER-encoded TimeStampToken over an already computed SHA-256 digest (a document timestamp hashes the byte ranges itself).</summary>
    Task<byte[]> GetTokenForDigestAsync(byte[] sha256, CancellationToken ct);
}
