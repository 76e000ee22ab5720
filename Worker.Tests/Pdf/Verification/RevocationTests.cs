using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;
using UglyToad.PdfPig.Tokens;
using Worker.Cli;
using Worker.Pdf.Pades;
using Worker.Pdf.Revocation;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Verification;

/// <summary>Revocation against real services on loopback: openssl's OCSP responder, a served CRL, a responder that never answers.</summary>
public sealed class RevocationTests(RevocationPki pki) : IClassFixture<RevocationPki>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task VerifyAsync_IsValid_WhenTheOcspResponderSaysGood()
    {
        var result = await SignAndVerifyAsync(pki.OcspGood);

        Assert.True(result.IsValid, result.Summary);
        Assert.Equal(RevocationStatus.Good, result.Revocation);
    }

    [Fact]
    public async Task VerifyAsync_IsInvalid_WhenTheOcspResponderSaysRevoked()
    {
        var result = await SignAndVerifyAsync(pki.OcspRevoked);

        Assert.True(result.Verdict == SignatureVerdict.Invalid, string.Join("; ", result.Notes));
        Assert.Equal(RevocationStatus.Revoked, result.Revocation);
        Assert.Contains(result.Problems, p => p.Contains("revoked", StringComparison.Ordinal) && p.Contains("OCSP http://127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_IsValid_WhenTheCrlDoesNotListTheCertificate()
    {
        var result = await SignAndVerifyAsync(pki.CrlGood);

        Assert.True(result.IsValid, result.Summary);
        Assert.Equal(RevocationStatus.Good, result.Revocation);
    }

    [Fact]
    public async Task VerifyAsync_IsInvalid_WhenTheCrlListsTheCertificate()
    {
        var result = await SignAndVerifyAsync(pki.CrlRevoked);

        Assert.Equal(SignatureVerdict.Invalid, result.Verdict);
        Assert.Contains(result.Problems, p => p.Contains("revoked", StringComparison.Ordinal) && p.Contains("CRL http://127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_NotesRevocationUnknownWithinTheTimeout_WhenTheResponderNeverAnswers()
    {
        var clock = Stopwatch.StartNew();
        var result = await SignAndVerifyAsync(pki.Silent);
        clock.Stop();

        Assert.Equal(RevocationStatus.Unknown, result.Revocation);
        Assert.Contains(result.Notes, n => n.StartsWith(VerdictWords.RevocationUnknown, StringComparison.Ordinal) && n.Contains("no answer within", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < Timeout + TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task VerifyAsync_NotesRevocationUnknownWithinTheTimeout_WhenTheCrlDistributionPointNeverAnswers()
    {
        var clock = Stopwatch.StartNew();
        var result = await SignAndVerifyAsync(pki.SilentCrl);
        clock.Stop();

        Assert.Equal(RevocationStatus.Unknown, result.Revocation);
        Assert.NotEqual(SignatureVerdict.Invalid, result.Verdict);
        Assert.Contains(result.Notes, n => n.StartsWith(VerdictWords.RevocationUnknown, StringComparison.Ordinal) && n.Contains("CRL", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < Timeout + TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task VerifyAsync_NotesRevocationUnknown_WhenTheOcspResponderAndTheCrlRefuseTheConnection()
    {
        var result = await SignAndVerifyAsync(pki.Unreachable);

        Assert.Equal(RevocationStatus.Unknown, result.Revocation);
        Assert.NotEqual(SignatureVerdict.Invalid, result.Verdict);
        Assert.Contains(result.Notes, n => n.StartsWith(VerdictWords.RevocationUnknown, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.Contains("revoked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_StaysValidWithANote_WhenTheCertificateWasRevokedAfterTheTimestampedSigningTime()
    {
        using var temp = new TempDirectory();
        await using var tsa = await TestTimestampServer.StartAsync();
        var anchors = new X509Certificate2Collection(pki.Trust) { tsa.Certificates.Ca };
        using (var key = pki.RevokedLater.Files.Open())
        {
            await PdfSigner.SignAsync(new PdfSignRequest
            {
                InputPath = RepoPaths.CorpusFile("habibi.pdf"), OutputPath = temp.File("signed.pdf"), Signer = key, TrustAnchors = anchors,
                TimeStamper = new TestTimeStamper((signature, _) => Task.FromResult(Token(tsa, signature))),
            });
            await PdfSigner.SignAsync(new PdfSignRequest
            {
                InputPath = RepoPaths.CorpusFile("habibi.pdf"), OutputPath = temp.File("claimed.pdf"), Signer = key, TrustAnchors = anchors,
            });
        }
        // The CRL's revocation time must fall after the token's, which has one-second precision.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        pki.RevokedLaterAt = DateTimeOffset.UtcNow;

        using var http = new HttpClient();
        var policy = new VerificationPolicy { TrustAnchors = anchors, Revocation = new OnlineRevocationChecker(http, Timeout) };
        var stamped = Assert.Single(await PdfSignatureVerifier.VerifyAsync(temp.File("signed.pdf"), policy, CancellationToken.None));
        var claimed = Assert.Single(await PdfSignatureVerifier.VerifyAsync(temp.File("claimed.pdf"), policy, CancellationToken.None));

        Assert.True(stamped.TimestampTrusted, stamped.Summary);
        Assert.Equal(RevocationStatus.Revoked, stamped.Revocation);
        Assert.True(stamped.IsValid, stamped.Summary);
        Assert.Contains(stamped.Notes, n => n.Contains("after the timestamped signing time", StringComparison.Ordinal));
        // Without a timestamp the signer's own /M cannot prove the signature came before the revocation.
        Assert.Equal(SignatureVerdict.Invalid, claimed.Verdict);
        Assert.Contains(claimed.Problems, p => p.Contains("only claimed by the signer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyCommand_ExitsInvalid_WhenTheSignerIsRevoked()
    {
        using var temp = new TempDirectory();
        await SignAsync(pki.OcspRevoked, temp.File("signed.pdf"));
        var stdout = new StringWriter();

        var exit = await CommandLine.RunAsync(["verify", temp.File("signed.pdf"), "--trust", pki.CaPem, "--revocation-timeout", "2"], stdout, new StringWriter());

        Assert.Equal(ExitCode.SignatureInvalid, exit);
        Assert.Contains("INVALID", stdout.ToString());
        Assert.Contains("revoked", stdout.ToString());
    }

    [Fact]
    public async Task Verify_IsInvalidOffline_WhenTheDssHoldsAnOcspResponseSayingRevoked()
    {
        using var temp = new TempDirectory();
        // openssl's own OCSP client fetches the response that the file then carries in its DSS.
        var fetch = ExternalTool.Run("openssl", "ocsp", "-issuer", pki.CaPem, "-cert", pki.OcspRevoked.CertificatePem, "-url", pki.OcspUrl,
            "-respout", temp.File("response.der"), "-noverify");
        Assert.True(fetch.ExitCode == 0 && fetch.Stdout.Contains("revoked", StringComparison.Ordinal), fetch.Output);

        var result = await SignWithDssAndVerifyOfflineAsync(pki.OcspRevoked, "OCSPs", File.ReadAllBytes(temp.File("response.der")), temp);

        Assert.Equal(SignatureVerdict.Invalid, result.Verdict);
        Assert.Contains(result.Problems, p => p.Contains("embedded OCSP response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_IsInvalidOffline_WhenTheDssHoldsACrlListingTheCertificate()
    {
        using var temp = new TempDirectory();

        var result = await SignWithDssAndVerifyOfflineAsync(pki.CrlRevoked, "CRLs", File.ReadAllBytes(pki.CrlPath), temp);

        Assert.Equal(SignatureVerdict.Invalid, result.Verdict);
        Assert.Contains(result.Problems, p => p.Contains("embedded CRL", StringComparison.Ordinal));
        Assert.True(PdfSignatureVerifier.Verify(temp.File("signed.pdf"), DemoPki.Instance.Trust).Single().Verdict != SignatureVerdict.Valid);
    }

    // Asks the test TSA directly for a token over the signature value.
    private static byte[] Token(TestTimestampServer tsa, byte[] signature)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var request = generator.Generate(TspAlgorithms.Sha256, SHA256.HashData(signature), BigInteger.ValueOf(11));
        return new TimeStampResponse(tsa.Respond(request.GetEncoded())).TimeStampToken.GetEncoded();
    }

    private async Task<SignatureVerification> SignWithDssAndVerifyOfflineAsync(RevocationPki.Signer signer, string key, byte[] data, TempDirectory temp)
    {
        Revisions.Append(RepoPaths.CorpusFile("habibi.pdf"), temp.File("with-dss.pdf"), (pdf, update) =>
        {
            var stream = update.Add(new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken>()), data));
            var dss = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create(key)] = new ArrayToken([new IndirectReferenceToken(stream)]) });
            update.Set(pdf.Root, pdf.Catalog.With(NameToken.Create("DSS"), dss));
        });
        using var k = signer.Files.Open();
        await PdfSigner.SignAsync(new PdfSignRequest { InputPath = temp.File("with-dss.pdf"), OutputPath = temp.File("signed.pdf"), Signer = k });
        return Assert.Single(PdfSignatureVerifier.Verify(temp.File("signed.pdf"), pki.Trust));
    }

    private async Task<SignatureVerification> SignAndVerifyAsync(RevocationPki.Signer signer)
    {
        using var temp = new TempDirectory();
        await SignAsync(signer, temp.File("signed.pdf"));
        using var http = new HttpClient();
        var policy = new VerificationPolicy { TrustAnchors = pki.Trust, Revocation = new OnlineRevocationChecker(http, Timeout) };
        return Assert.Single(await PdfSignatureVerifier.VerifyAsync(temp.File("signed.pdf"), policy, CancellationToken.None));
    }

    private async Task SignAsync(RevocationPki.Signer signer, string output)
    {
        using var key = signer.Files.Open();
        // The signer's own check has no online revocation: it passes, so the verdict above is the online check's alone.
        await PdfSigner.SignAsync(new PdfSignRequest
        {
            InputPath = RepoPaths.CorpusFile("habibi.pdf"), OutputPath = output, Signer = key, TrustAnchors = pki.Trust,
        });
    }
}
