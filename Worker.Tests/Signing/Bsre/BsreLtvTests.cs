using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Worker.Cli;
using Worker.Pdf.Ltv;
using Worker.Pdf.Revocation;
using Worker.Pdf.Timestamps;
using Worker.Pdf.Verification;
using Worker.Signing;
using Worker.Signing.Bsre;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>A signature we did not make (the BSrE test service signs with pdfsig) is taken to B-LTA without breaking it.</summary>
public sealed class BsreLtvTests(BsrePortFixture fixture) : IClassFixture<BsrePortFixture>
{
    private static readonly BsreIdentity Official = new() { Nik = BsreTestPki.Official.Nik, Email = "" };
    private static readonly BsreSignature Properties = new() { Reason = "Setuju", Location = "Mamuju", ContactInfo = "a@example.go.id" };

    [Fact]
    public async Task Augment_TakesABsreSignatureToBLta_AndPdfsigAndOfflineVerificationStillCallItValid()
    {
        fixture.Service.Mode = BsreTestMode.Normal;
        using var temp = new TempDirectory();
        var signed = await fixture.Client().SignPdfAsync(Official, new PersonalSecret(fixture.Service.Passphrase), [TestPdfs.Corpus("minimal-document.pdf")],
            [Properties], CancellationToken.None);
        File.WriteAllBytes(temp.File("bsre.pdf"), signed[0]);
        await using var tsa = await TestTimestampServer.StartAsync(lifetime: TimeSpan.FromDays(365 * 30));
        File.WriteAllText(temp.File("trust.pem"), File.ReadAllText(BsreTestPki.Instance.CaPem) + tsa.Certificates.Ca.ExportCertificatePem() + "\n");
        var trust = new X509Certificate2Collection();
        trust.ImportFromPemFile(temp.File("trust.pem"));
        using var http = new HttpClient();

        var result = await LtvAugmenter.AugmentAsync(temp.File("bsre.pdf"), temp.File("lta.pdf"), LtvLevel.LTA,
            new LtvCollector(trust, new OnlineRevocationChecker(http, TimeSpan.FromSeconds(30))),
            new HttpTimeStamper(http, tsa.Url, TimeSpan.FromSeconds(30)), CancellationToken.None);

        Assert.True(result.Reached == LtvLevel.LTA, string.Join("; ", result.Problems));
        Assert.True(File.ReadAllBytes(temp.File("lta.pdf")).AsSpan(0, signed[0].Length).SequenceEqual(signed[0]));
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, "-no-ocsp", temp.File("lta.pdf"));
        Assert.Matches("Signature #1:(.|\n)*Signature Validation: Signature is Valid", pdfsig.Stdout);
        var results = PdfSignatureVerifier.Verify(temp.File("lta.pdf"), trust);
        Assert.Equal(2, results.Count);
        Assert.True(results[0].IsValid, results[0].Summary);
        Assert.Equal("B-LTA", results[0].Level);
        Assert.Equal(RevocationStatus.Good, results[0].Revocation); // from the CRL the DSS now holds
        Assert.True(results[1].IsDocumentTimestamp && results[1].IsValid && results[1].CoversWholeFile, results[1].Summary);

        // After the official's certificate expired, the document timestamp still proves the signature came first.
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(BsreTestPki.Instance.Directory, BsreTestPki.Official.Nick + ".pem"));
        var at = certificate.NotAfter.ToUniversalTime().AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var stdout = new StringWriter();
        var exit = await CommandLine.RunAsync(["verify", temp.File("lta.pdf"), "--trust", temp.File("trust.pem"), "--offline", "--at", at], stdout, stdout);
        Assert.True(exit == ExitCode.Done, stdout.ToString());
        Assert.Contains("VALID signed by Dr. Ahmad Official", stdout.ToString());
        Assert.Contains("PAdES B-LTA", stdout.ToString());
    }
}
