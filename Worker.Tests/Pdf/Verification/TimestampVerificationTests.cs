using System.Security.Cryptography;
using Org.BouncyCastle.Tsp;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using BigInteger = Org.BouncyCastle.Math.BigInteger;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Verification;

/// <summary>The verifier checks an embedded signature timestamp: imprint over the signature value, and the TSA's signature.</summary>
public sealed class TimestampVerificationTests : IAsyncLifetime
{
    private TestTimestampServer _tsa = null!;

    public async Task InitializeAsync() => _tsa = await TestTimestampServer.StartAsync();

    public async Task DisposeAsync() => await _tsa.DisposeAsync();

    // Asks the test TSA directly, bypassing the HTTP client's own checks, so flawed tokens reach the PDF.
    private TestTimeStamper Tokens(Func<byte[], byte[]> imprint, bool certReq = true) => new((signature, _) =>
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(certReq);
        var request = generator.Generate(TspAlgorithms.Sha256, imprint(signature), BigInteger.ValueOf(7));
        return Task.FromResult(new TimeStampResponse(_tsa.Respond(request.GetEncoded())).TimeStampToken.GetEncoded());
    });

    private static async Task<SignatureVerification> SignAndVerifyAsync(TestTimeStamper timestamp)
    {
        using var temp = new TempDirectory();
        using var signer = DemoPki.Instance.Rsa.Open();
        await UncheckedSigning.SignAsync(RepoPaths.CorpusFile("minimal-document.pdf"), temp.File("out.pdf"), signer, timestamp);
        return PdfSignatureVerifier.Verify(temp.File("out.pdf"), DemoPki.Instance.Trust).Single();
    }

    [Fact]
    public async Task Verify_ReportsTheTimestampValid_WhenItsImprintIsTheSignatureValueHash()
    {
        var result = await SignAndVerifyAsync(Tokens(SHA256.HashData));

        Assert.True(result.IsValid, result.Summary);
        Assert.True(result.TimestampValid);
        Assert.InRange(result.TimestampTime!.Value, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Verify_TreatsTheTimeAsClaimed_WhenTheTsaDoesNotChainToAnAnchor()
    {
        // The test TSA is its own root, not one of the anchors: a forger's TSA could write any time.
        var result = await SignAndVerifyAsync(Tokens(SHA256.HashData));

        Assert.True(result.TimestampValid);
        Assert.False(result.TimestampTrusted);
        Assert.True(result.TimeIsClaimed);
        Assert.Null(result.TrustedTime);
    }

    [Fact]
    public async Task Verify_TrustsTheTimestampTime_WhenTheTsaChainsToAnAnchor()
    {
        using var temp = new TempDirectory();
        using var signer = DemoPki.Instance.Rsa.Open();
        await UncheckedSigning.SignAsync(RepoPaths.CorpusFile("minimal-document.pdf"), temp.File("out.pdf"), signer, Tokens(SHA256.HashData));
        var anchors = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection(DemoPki.Instance.Trust) { _tsa.Certificates.Ca };

        var result = PdfSignatureVerifier.Verify(temp.File("out.pdf"), anchors).Single();

        Assert.True(result.IsValid, result.Summary);
        Assert.True(result.TimestampTrusted);
        Assert.False(result.TimeIsClaimed);
        Assert.Equal(result.TimestampTime, result.TrustedTime);
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenTheTimestampImprintIsOverOtherData()
    {
        var result = await SignAndVerifyAsync(Tokens(_ => SHA256.HashData("something else"u8.ToArray())));

        Assert.False(result.IsValid);
        Assert.False(result.TimestampValid);
        Assert.Contains("the timestamp imprint does not match the signature value", result.Problems);
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenTheTimestampIsSignedWithAnotherKey()
    {
        _tsa.Mode = TestTimestampServerMode.WrongKey;

        var result = await SignAndVerifyAsync(Tokens(SHA256.HashData));

        Assert.False(result.TimestampValid);
        Assert.Contains(result.Problems, p => p.Contains("signature does not verify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenTheTimestampLacksTheTsaCertificate()
    {
        var result = await SignAndVerifyAsync(Tokens(SHA256.HashData, certReq: false));

        Assert.False(result.TimestampValid);
        Assert.Contains(result.Problems, p => p.Contains("does not include the TSA certificate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignAsync_RefusesToKeepTheFile_WhenTheTimestampDoesNotMatch()
    {
        using var temp = new TempDirectory();
        using var signer = DemoPki.Instance.Rsa.Open();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSigning.SignAsync(RepoPaths.CorpusFile("minimal-document.pdf"),
            temp.File("out.pdf"), signer, timestamp: Tokens(_ => new byte[32])));

        Assert.Contains("timestamp imprint", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
