using Worker.Cli;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Verification;

/// <summary>Signatures made by poppler's pdfsig (NSS: BER CMS, fields poppler may leave out of /Fields) verify as ours do.</summary>
public class PopplerInteropTests
{
    // pdfsig 22.12 itself cannot sign these: it aborts on reportlab-overlay.pdf's /AcroForm and cannot rebuild the xref of the other.
    private static readonly HashSet<string> PopplerCannotSign = ["reportlab-overlay.pdf", Corpus.UnreadablePageTree];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Verify_IsValidAndTrusted_WhenPdfsigSignedTheCorpusFile(string name)
    {
        using var temp = new TempDirectory();
        var signed = temp.File("signed.pdf");
        var result = PopplerSigner.Instance.Sign(RepoPaths.CorpusFile(name), signed);
        if (PopplerCannotSign.Contains(name))
        {
            Assert.True(result.ExitCode != 0, $"pdfsig now signs {name}: move it out of PopplerCannotSign so our verdict is checked");
            return;
        }
        Assert.True(result.ExitCode == 0, $"pdfsig failed on {name}: {result.Output}");

        var verdict = Assert.Single(PdfSignatureVerifier.Verify(signed, DemoPki.Instance.Trust));
        Assert.True(verdict.IsValid, verdict.Summary);
        Assert.Equal(SignatureVerdict.Valid, verdict.Verdict);
        Assert.Contains(verdict.Notes, n => n.Contains("BER", StringComparison.Ordinal));

        var stdout = new StringWriter();
        var exit = await CommandLine.RunAsync(["verify", signed, "--trust", DemoPki.Instance.CaPem], stdout, new StringWriter());
        Assert.True(exit == ExitCode.Done, stdout.ToString());
        Assert.Contains(": VALID signed by Test Signer RSA", stdout.ToString());
        Assert.Contains("time claimed by the signer", stdout.ToString());
    }

    [Fact]
    public async Task Verify_SaysUntrusted_WhenNoTrustIsGiven()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, PopplerSigner.Instance.Sign(RepoPaths.CorpusFile("habibi.pdf"), temp.File("signed.pdf")).ExitCode);

        var stdout = new StringWriter();
        var exit = await CommandLine.RunAsync(["verify", temp.File("signed.pdf")], stdout, new StringWriter());

        Assert.Equal(ExitCode.SignatureInvalid, exit);
        Assert.Contains("UNTRUSTED", stdout.ToString());
        Assert.DoesNotContain("VALID signed", stdout.ToString().Replace("UNTRUSTED", ""));
        Assert.Equal(SignatureVerdict.IntactUntrusted, Assert.Single(PdfSignatureVerifier.Verify(temp.File("signed.pdf"))).Verdict);
    }

    public static TheoryData<string> Files() => Corpus.Signable();
}
