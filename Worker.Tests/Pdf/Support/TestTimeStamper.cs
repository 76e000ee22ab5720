using Worker.Pdf.Timestamps;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// A time stamper made of a function of the signature value, for tests that make their own tokens (some of them flawed
/// on purpose) or fail on purpose; it reserves a fixed <paramref name="reserve"/> and asks nobody for it.
/// </summary>
public sealed class TestTimeStamper(Func<byte[], CancellationToken, Task<byte[]>> tokenForSignature, int reserve = 8 * 1024) : ITimeStamper
{
    public Task<byte[]> GetTokenAsync(byte[] data, CancellationToken ct) => tokenForSignature(data, ct);

    public Task<byte[]> GetTokenForDigestAsync(byte[] sha256, CancellationToken ct) =>
        throw new NotSupportedException("this test stamper only timestamps signature values");

    public Task<int> TokenReserveAsync(CancellationToken ct) => Task.FromResult(reserve);
}
