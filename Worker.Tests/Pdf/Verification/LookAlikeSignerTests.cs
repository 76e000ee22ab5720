using Worker.Cli;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support.Pki;

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
        using var fakeRoot = TestPki.SelfSigned(TestCertificate.Authority(TestPki.DemoName(DemoPki.RootName)));
        using var fake = fakeRoot.Issue(new TestCertificate(TestPki.DemoName("Test Signer RSA")));
        var files = KeyFiles.In(temp.Path, "fake").Write(fake, fakeRoot);
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
