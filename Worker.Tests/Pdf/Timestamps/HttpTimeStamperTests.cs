using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;
using Worker.Pdf.Timestamps;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Timestamps;

public sealed class HttpTimeStamperTests : IAsyncLifetime, IDisposable
{
    private static readonly byte[] SignatureValue = RandomNumberGenerator.GetBytes(256);

    private readonly HttpClient _http = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("tsa-tests-").FullName;
    private TestTimestampServer _server = null!;

    public async Task InitializeAsync() => _server = await TestTimestampServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private HttpTimeStamper Stamper(Uri? url = null, double timeoutSeconds = 10) =>
        new(_http, url ?? _server.Url, TimeSpan.FromSeconds(timeoutSeconds));

    [Fact]
    public async Task GetTokenAsync_ReturnsASignedTokenOverTheDataHash_WhenTheTsaGrantsIt()
    {
        var der = await Stamper().GetTokenAsync(SignatureValue, CancellationToken.None);

        var token = new TimeStampToken(ContentInfo.GetInstance(der));
        Assert.Equal(SHA256.HashData(SignatureValue), token.TimeStampInfo.GetMessageImprintDigest());
        Assert.Equal(TspAlgorithms.Sha256, token.TimeStampInfo.MessageImprintAlgOid);
        Assert.InRange(token.TimeStampInfo.GenTime, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        var tsa = new X509CertificateParser().ReadCertificate(_server.Certificates.Tsa.RawData);
        token.Validate(tsa);
        Assert.Contains(token.GetCertificates().EnumerateMatches(null), certificate => certificate.Equals(tsa));
    }

    [Fact]
    public async Task GetTokenAsync_ReturnsATokenOpenSslVerifies_WhenTheTsaGrantsIt()
    {
        var der = await Stamper().GetTokenAsync(SignatureValue, CancellationToken.None);
        var tokenPath = Path.Combine(_directory, "token.der");
        var caPath = Path.Combine(_directory, "ca.pem");
        await File.WriteAllBytesAsync(tokenPath, der);
        _server.Certificates.WriteCaPem(caPath);

        var output = ExternalTool.RunOk(
            "openssl", "ts", "-verify", "-token_in", "-in", tokenPath,
            "-digest", Convert.ToHexString(SHA256.HashData(SignatureValue)), "-CAfile", caPath);

        Assert.Contains("Verification: OK", output);
    }

    [Fact]
    public async Task GetTokenAsync_UsesAFreshNonce_WhenCalledTwice()
    {
        var first = new TimeStampToken(ContentInfo.GetInstance(await Stamper().GetTokenAsync(SignatureValue, CancellationToken.None)));
        var second = new TimeStampToken(ContentInfo.GetInstance(await Stamper().GetTokenAsync(SignatureValue, CancellationToken.None)));

        Assert.NotNull(first.TimeStampInfo.Nonce);
        Assert.NotEqual(first.TimeStampInfo.Nonce, second.TimeStampInfo.Nonce);
    }

    [Fact]
    public async Task GetTokenAsync_ThrowsNamingTheUrl_WhenTheTsaIsDown()
    {
        var url = new Uri($"http://127.0.0.1:{FreeLoopbackPort.Next()}/");

        var error = await Assert.ThrowsAsync<TimestampException>(() => Stamper(url).GetTokenAsync(SignatureValue, CancellationToken.None));

        Assert.Equal($"TSA {url} did not answer: connection refused", error.Message);
    }

    [Theory]
    [InlineData(TestTimestampServerMode.Garbage, "answered something that is not an RFC 3161 timestamp response (Content-Type text/html")]
    [InlineData(TestTimestampServerMode.Truncated, "answered something that is not an RFC 3161 timestamp response")]
    [InlineData(TestTimestampServerMode.WrongImprint, "timestamped a different message imprint than the one sent")]
    [InlineData(TestTimestampServerMode.WrongNonce, "answered with a different nonce")]
    [InlineData(TestTimestampServerMode.WrongKey, "sent a token that does not verify against its certificate")]
    [InlineData(TestTimestampServerMode.Rejected, "refused the request: status Rejection (badAlg): test TSA refuses this request")]
    [InlineData(TestTimestampServerMode.ServerError, "answered HTTP 500")]
    public async Task GetTokenAsync_ThrowsNamingTheUrlAndReason_WhenTheAnswerIsUnusable(TestTimestampServerMode mode, string reason)
    {
        _server.Mode = mode;

        var error = await Assert.ThrowsAsync<TimestampException>(() => Stamper().GetTokenAsync(SignatureValue, CancellationToken.None));

        Assert.StartsWith($"TSA {_server.Url} {reason}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task GetTokenAsync_ThrowsNamingTheTimeout_WhenTheTsaDoesNotAnswerInTime()
    {
        _server.Mode = TestTimestampServerMode.Slow;

        var error = await Assert.ThrowsAsync<TimestampException>(() => Stamper(timeoutSeconds: 0.5).GetTokenAsync(SignatureValue, CancellationToken.None));

        Assert.Equal($"TSA {_server.Url} did not answer within 0.5 s", error.Message);
    }

    [Fact]
    public async Task GetTokenAsync_ThrowsOperationCanceled_WhenTheCallerCancels()
    {
        _server.Mode = TestTimestampServerMode.Slow;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Stamper().GetTokenAsync(SignatureValue, cancel.Token));
    }

    [Fact]
    public async Task TokenReserveAsync_AsksTheTsaOnlyOnce_AndCoversItsTokens()
    {
        var stamper = Stamper();

        var first = await stamper.TokenReserveAsync(CancellationToken.None);
        var second = await stamper.TokenReserveAsync(CancellationToken.None);
        var token = await stamper.GetTokenAsync(SignatureValue, CancellationToken.None);

        Assert.Equal(2, _server.Requests);
        Assert.Equal(first, second);
        Assert.InRange(first - token.Length, 0, 2 * TokenReserve.MarginBytes);
    }

    [Fact]
    public async Task TokenReserveAsync_AsksNoMore_WhenAnotherStamperForTheTsaSharesTheReserve()
    {
        var reserve = new TokenReserve();
        await new HttpTimeStamper(_http, _server.Url, TimeSpan.FromSeconds(10), reserve).TokenReserveAsync(CancellationToken.None);

        var size = await new HttpTimeStamper(_http, _server.Url, TimeSpan.FromSeconds(10), reserve).TokenReserveAsync(CancellationToken.None);

        Assert.Equal(1, _server.Requests);
        Assert.Equal(reserve.Bytes, size);
    }

    [Fact]
    public async Task TokenReserveAsync_ThrowsNamingTheUrl_WhenTheTsaIsDown()
    {
        var url = new Uri($"http://127.0.0.1:{FreeLoopbackPort.Next()}/");

        var error = await Assert.ThrowsAsync<TimestampException>(() => Stamper(url).TokenReserveAsync(CancellationToken.None));

        Assert.Equal($"TSA {url} did not answer: connection refused", error.Message);
    }

    [Fact]
    public async Task GetTokenAsync_ThrowsNamingTheLimit_WhenTheTokenIsLargerThanAnySignatureMakesRoomFor()
    {
        await using var server = await TestTimestampServer.StartAsync(certificatePadding: TokenReserve.MaxTokenBytes);

        var error = await Assert.ThrowsAsync<TimestampException>(() => Stamper(server.Url).GetTokenAsync(SignatureValue, CancellationToken.None));

        Assert.StartsWith($"TSA {server.Url} sent a token of ", error.Message);
        Assert.EndsWith("more than the 64 KiB a signature makes room for", error.Message);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/tsa")]
    [InlineData("/tsa")]
    public void Constructor_Throws_WhenTheUrlIsNotAbsoluteHttp(string url)
    {
        Assert.Throws<ArgumentException>(() => new HttpTimeStamper(_http, new Uri(url, UriKind.RelativeOrAbsolute), TimeSpan.FromSeconds(1)));
    }
}
