using Worker.Cli;
using Worker.Pdf.Keys;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Verification;

/// <summary>A forger copies the genuine signer's name (and even its CA's name); the verdict must never be "sah / valid".</summary>
public class LookAlikeSignerTests
{
    [Fact]
    public async Task Verify_IsUntrusted_WhenASelfSignedCertificateCopiesTheSignersName()
    {
        using var temp = new TempDirectory();
        var lookAlike = LookAlikeSigner.Create(temp.Path, LookAlikeSigner.SubjectOf(DemoPki.Instance.Rsa));
        await LookAlikeSigner.SignAsync(lookAlike, "habibi.pdf", temp.File("forged.pdf"));

        var result = Assert.Single(PdfSignatureVerifier.Verify(temp.File("forged.pdf"), DemoPki.Instance.Trust));

        Assert.Equal("Test Signer RSA", result.SignerName);
        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(SignatureVerdict.IntactUntrusted, result.Verdict);
        Assert.Equal(VerdictWords.IntactUntrusted, result.Summary);
        await AssertCliUntrustedAsync(temp.File("forged.pdf"));
    }

    [Fact]
    public async Task Verify_IsUntrusted_WhenAForgedCaCopiesTheRootsName()
    {
        using var temp = new TempDirectory();
        using var fakeRoot = DemoCertificates.CreateAuthority("Demo TTE Root CA");
        using var fake = DemoCertificates.IssueSigner(fakeRoot, DemoKeyKind.Rsa2048, "Test Signer RSA");
        var files = new DemoPki.KeyFiles(temp.File("fake.p12"), temp.File("fake.pass"));
        DemoCertificates.WritePkcs12(fake, fakeRoot, files.Pkcs12, files.PasswordFile);
        await LookAlikeSigner.SignAsync(files, "pdflatex-4-pages.pdf", temp.File("forged.pdf"));

        var result = Assert.Single(PdfSignatureVerifier.Verify(temp.File("forged.pdf"), DemoPki.Instance.Trust));

        Assert.Equal(SignatureVerdict.IntactUntrusted, result.Verdict);
        Assert.False(result.ChainTrusted);
        await AssertCliUntrustedAsync(temp.File("forged.pdf"));
    }

    private static async Task AssertCliUntrustedAsync(string path)
    {
        var stdout = new StringWriter();
        var exit = await CommandLine.RunAsync(["verify", path, "--trust", DemoPki.Instance.CaPem, "--offline"], stdout, new StringWriter());
        Assert.Equal(ExitCode.SignatureInvalid, exit);
        Assert.Contains("UNTRUSTED (intact, signer not recognised: does not chain to --trust)", stdout.ToString());
        Assert.DoesNotContain(": VALID", stdout.ToString());
    }
}
