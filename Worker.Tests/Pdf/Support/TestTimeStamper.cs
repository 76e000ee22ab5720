using Worker.Pdf.Timestamps;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// A time stamper made of a function of the signature value, for tests that make their own tokens (some of them flawed
/// on purpose) or fail on purpose.
/// </summary>
public sealed class TestTimeStamper(Func<byte[], CancellationToken, Task<byte[]>> tokenForSignature) : ITimeStamper
{
    public Task<byte[]> GetTokenAsync(byte[] data, CancellationToken ct) => tokenForSignature(data, ct);

    public Task<byte[]> GetTokenForDigestAsync(byte[] sha256, CancellationToken ct) =>
        throw new NotSupportedException("this test stamper only timestamps signature values");
}
