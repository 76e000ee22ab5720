using Worker.Signing;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>qpdf --check, an independent reader, must find every signed output no worse than its input.</summary>
public sealed class OutputCheckTests
{
    [Fact]
    public async Task EnsureNoWorse_Passes_WhenTheOutputIsOurSignedFile()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        var input = RepoPaths.CorpusFile("pdflatex-4-pages.pdf");
        await TestSigning.SignAsync(input, temp.File("signed.pdf"), rsa);

        await OutputCheck.EnsureNoWorseAsync(input, temp.File("signed.pdf"), CancellationToken.None);
    }

    [Fact]
    public async Task EnsureNoWorse_Fails_WhenACleanInputBecomesAnOutputWithErrors()
    {
        using var temp = new TempDirectory();
        // What a broken writer could produce: the update's xref pointer lands nowhere and qpdf cannot recover.
        File.WriteAllBytes(temp.File("broken.pdf"), BrokenPdfs.WrongStartXref("pdflatex-4-pages.pdf"));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            OutputCheck.EnsureNoWorseAsync(RepoPaths.CorpusFile("pdflatex-4-pages.pdf"), temp.File("broken.pdf"), CancellationToken.None));

        Assert.Contains("clean became errors", e.Message);
        Assert.StartsWith("hasil tanda tangan", e.Message);
    }

    [Fact]
    public async Task EnsureNoWorse_Fails_WhenAnInputWithWarningsBecomesAnOutputWithErrors()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("warns.pdf"), BrokenPdfs.HugeSize());
        Assert.Equal(3, ExternalTool.Run("qpdf", "--check", temp.File("warns.pdf")).ExitCode);
        File.WriteAllBytes(temp.File("broken.pdf"), BrokenPdfs.WrongStartXref("pdflatex-4-pages.pdf"));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            OutputCheck.EnsureNoWorseAsync(temp.File("warns.pdf"), temp.File("broken.pdf"), CancellationToken.None));

        Assert.Contains("warnings became errors", e.Message);
    }
}
