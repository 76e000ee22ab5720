namespace Worker.Pdf.Timestamps;

/// <summary>Obtains RFC 3161 timestamp tokens, for the signature-time-stamp attribute of PAdES B-T.</summary>
public interface ITimeStamper
{
    /// <summary>
    /// Returns a DER-encoded TimeStampToken (a CMS ContentInfo) over SHA-256 of <paramref name="data"/>,
    /// normally the signature value; throws <see cref="TimestampException"/> when no valid token can be had,
    /// and <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// </summary>
    Task<byte[]> GetTokenAsync(byte[] data, CancellationToken ct);
}
