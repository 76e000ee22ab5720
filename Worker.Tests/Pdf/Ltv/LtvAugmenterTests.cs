using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Ltv;
using Worker.Pdf.Pades;
using Worker.Pdf.Revocation;
using Worker.Pdf.Syntax;
using Worker.Pdf.Timestamps;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Ltv;

/// <summary>B-LT and B-LTA against a real openssl OCSP responder, a CRL on loopback and an RFC 3161 server on loopback.</summary>
public sealed class LtvAugmenterTests(RevocationPki pki) : IClassFixture<RevocationPki>
{
    [Fact]
    public async Task Augment_ReachesLtaWithADssAndADocumentTimestamp_WhenOcspAndTsaAnswer()
    {
        using var temp = new TempDirectory();
        await using var tsa = await TestTimestampServer.StartAsync();
        await SignAsync(pki.OcspGood, temp.File("signed.pdf"));

        var result = await AugmentAsync(temp.File("signed.pdf"), temp.File("lta.pdf"), LtvLevel.LTA, tsa);

        Assert.True(result.Reached == LtvLevel.LTA, string.Join("; ", result.Problems));
        var dss = Dss(temp.File("lta.pdf"));
        Assert.Equal(2, dss.Certificates);
        Assert.Single(dss.Ocsps);
        foreach (var (ocsp, i) in dss.Ocsps.Select((o, i) => (o, i)))
        {
            File.WriteAllBytes(temp.File($"ocsp-{i}.der"), ocsp);
            var parsed = ExternalTool.Run("openssl", "ocsp", "-respin", temp.File($"ocsp-{i}.der"), "-resp_text", "-noverify");
            Assert.True(parsed.ExitCode == 0 && parsed.Stdout.Contains("Cert Status: good"), parsed.Output);
        }
        var trust = new X509Certificate2Collection(pki.Trust) { X509CertificateLoader.LoadCertificate(tsa.Certificates.Ca.RawData) };
        var results = PdfSignatureVerifier.Verify(temp.File("lta.pdf"), trust);
        Assert.Equal(2, results.Count);
        Assert.True(results[0].IsValid, results[0].Summary);
        Assert.False(results[0].IsDocumentTimestamp);
        Assert.Equal("B-LTA", results[0].Level);
        Assert.Equal("B-B", PdfSignatureVerifier.Verify(temp.File("signed.pdf"), trust).Single().Level);
        Assert.True(results[1].IsDocumentTimestamp);
        Assert.True(results[1].IsValid && results[1].CoversWholeFile, results[1].Summary);
        Assert.Contains("Signature #1", SignedPdf.PdfSig(temp.File("lta.pdf")));
        Assert.Matches("Signature #1:(.|\n)*Signature Validation: Signature is Valid", SignedPdf.PdfSig(temp.File("lta.pdf")));
        SignedPdf.AssertQpdfCheck(temp.File("lta.pdf"));
    }

    [Fact]
    public async Task Augment_KeepsTheCrl_WhenTheCertificateNamesOnlyADistributionPoint()
    {
        using var temp = new TempDirectory();
        await SignAsync(pki.CrlGood, temp.File("signed.pdf"));

        var result = await AugmentAsync(temp.File("signed.pdf"), temp.File("lt.pdf"), LtvLevel.LT, tsa: null);

        Assert.True(result.Reached == LtvLevel.LT, string.Join("; ", result.Problems));
        var dss = Dss(temp.File("lt.pdf"));
        File.WriteAllBytes(temp.File("ca.crl"), Assert.Single(dss.Crls));
        Assert.Equal(0, ExternalTool.Run("openssl", "crl", "-inform", "DER", "-in", temp.File("ca.crl"), "-noout", "-text").ExitCode);
        Assert.True(PdfSignatureVerifier.Verify(temp.File("lt.pdf"), pki.Trust).Single().IsValid);
    }

    [Fact]
    public async Task Augment_ReportsTheLevelNotReached_WhenTheResponderNeverAnswers()
    {
        using var temp = new TempDirectory();
        await SignAsync(pki.Silent, temp.File("signed.pdf"));

        var result = await AugmentAsync(temp.File("signed.pdf"), temp.File("out.pdf"), LtvLevel.LT, tsa: null);

        Assert.Equal(LtvLevel.None, result.Reached);
        Assert.Contains(result.Problems, p => p.Contains("no revocation data", StringComparison.Ordinal));
        var verified = PdfSignatureVerifier.Verify(temp.File("out.pdf"), pki.Trust).Single();
        Assert.True(verified.IsIntact);
        Assert.Equal("B-B", verified.Level);
    }

    [Fact]
    public async Task Level_IsBt_NotBLta_WhenTheDssWasWrittenWhileTheResponderWasSilent()
    {
        using var temp = new TempDirectory();
        await using var tsa = await TestTimestampServer.StartAsync();
        await SignAsync(pki.Silent, temp.File("signed.pdf"));

        var result = await AugmentAsync(temp.File("signed.pdf"), temp.File("out.pdf"), LtvLevel.LTA, tsa);

        Assert.Equal(LtvLevel.None, result.Reached);
        var dss = Dss(temp.File("out.pdf"));
        Assert.True(dss.Certificates > 0 && dss.Ocsps.Count == 0 && dss.Crls.Count == 0, "the DSS holds certificates but no revocation data");
        var trust = new X509Certificate2Collection(pki.Trust) { X509CertificateLoader.LoadCertificate(tsa.Certificates.Ca.RawData) };
        var results = PdfSignatureVerifier.Verify(temp.File("out.pdf"), trust);
        Assert.Equal(2, results.Count);
        Assert.True(results[1].IsDocumentTimestamp && results[1].IsIntact, results[1].Summary);
        // The document timestamp proves when it was signed (B-T); nothing in the file answers for the signer's certificate.
        Assert.Equal("B-T", results[0].Level);
        // Without anchors no chain is built; the signature's /VRI entry, which lists no OCSP or CRL data, decides.
        Assert.Equal("B-T", PdfSignatureVerifier.Verify(temp.File("out.pdf")).First(r => !r.IsDocumentTimestamp).Level);
    }

    [Fact]
    public async Task Level_IsBLt_WhenATimestampedSignatureGetsItsRevocationDataWithoutADocumentTimestamp()
    {
        using var temp = new TempDirectory();
        await using var tsa = await TestTimestampServer.StartAsync();
        var trust = new X509Certificate2Collection(pki.Trust) { X509CertificateLoader.LoadCertificate(tsa.Certificates.Ca.RawData) };
        await SignAsync(pki.CrlGood, temp.File("signed.pdf"), tsa);
        Assert.Equal("B-T", PdfSignatureVerifier.Verify(temp.File("signed.pdf"), trust).Single().Level);

        var result = await AugmentAsync(temp.File("signed.pdf"), temp.File("lt.pdf"), LtvLevel.LT, tsa: null, trust);

        Assert.True(result.Reached == LtvLevel.LT, string.Join("; ", result.Problems));
        var verified = PdfSignatureVerifier.Verify(temp.File("lt.pdf"), trust).Single();
        Assert.True(verified.IsValid, verified.Summary);
        Assert.Equal("B-LT", verified.Level);
        Assert.Equal("B-LT", PdfSignatureVerifier.Verify(temp.File("lt.pdf")).Single().Level);
    }

    private async Task<LtvResult> AugmentAsync(string input, string output, LtvLevel level, TestTimestampServer? tsa,
        X509Certificate2Collection? trust = null)
    {
        using var http = new HttpClient();
        var collector = new LtvCollector(trust ?? pki.Trust, new OnlineRevocationChecker(http, TimeSpan.FromSeconds(2)));
        var stamper = tsa is null ? null : new HttpTimeStamper(http, tsa.Url, TimeSpan.FromSeconds(10));
        return await LtvAugmenter.AugmentAsync(input, output, level, collector, stamper, CancellationToken.None);
    }

    private async Task SignAsync(RevocationPki.Signer signer, string output, TestTimestampServer? tsa = null)
    {
        using var key = signer.Files.Open();
        using var http = new HttpClient();
        var stamper = tsa is null ? null : new HttpTimeStamper(http, tsa.Url, TimeSpan.FromSeconds(10));
        await PdfSigner.SignAsync(new PdfSignRequest
        {
            InputPath = RepoPaths.CorpusFile("pdflatex-outline.pdf"), OutputPath = output, Signer = key, TrustAnchors = pki.Trust,
            TimeStamper = stamper,
        });
    }

    private static (int Certificates, List<byte[]> Ocsps, List<byte[]> Crls) Dss(string path)
    {
        using var file = File.OpenRead(path);
        var view = PdfRevisions.Open(file).Current();
        var catalog = (PdfDictionary)view.Get(((PdfReference)view.Trailer["Root"]!).Number)!;
        var dss = Assert.IsType<PdfDictionary>(view.Get(catalog, "DSS"));
        List<byte[]> Streams(string key) => (view.Get(dss, key) as PdfArray)?.Items.Select(i => ((PdfStream)view.Resolve(i)!).RawData()).ToList() ?? [];
        Assert.IsType<PdfDictionary>(view.Get(dss, "VRI"));
        return (Streams("Certs").Count, Streams("OCSPs"), Streams("CRLs"));
    }
}
