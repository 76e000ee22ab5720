using System.Security.Cryptography;
using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary><c>verify FILE --extract-revision N OUT</c>: the exact bytes a signature covers, and plain words when it is not the whole file.</summary>
public sealed class VerifyCommandExtractTests
{
    private static async Task<(int Code, string Out, string Err)> VerifyAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(["verify", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task ExtractRevision_WritesTheSignedBytes_WhenALaterRevisionChangedTheFile()
    {
        using var temp = new TempDirectory();
        // Someone changes the signed file afterwards (here its /Info title) with an appended revision.
        var (signed, changed) = await BrokenPdfs.SignedThenRetitledAsync(temp, "google-doc-document.pdf");
        var extracted = temp.File("revision-1.pdf");

        var (_, stdout, _) = await VerifyAsync(changed, "--trust", DemoPki.Instance.CaPem, "--extract-revision", "1", extracted);

        Assert.Contains($"covers bytes 0..{new FileInfo(signed).Length} of {new FileInfo(changed).Length}", stdout);
        Assert.Contains("that is not what was signed", stdout);
        Assert.Equal(SHA256.HashData(await File.ReadAllBytesAsync(signed)), SHA256.HashData(await File.ReadAllBytesAsync(extracted)));
        var pdfsig = SignedPdf.PdfSig(extracted);
        Assert.Contains("Total document signed", pdfsig);
        Assert.DoesNotContain("Not total document signed", pdfsig);
        SignedPdf.AssertPdfSigValid(extracted, 1);
    }

    [Fact]
    public async Task ExtractRevision_ExitsZero_WhenTheRevisionVerifies_AndSaysTheWholeFileDoesNot()
    {
        using var temp = new TempDirectory();
        var (_, changed) = await BrokenPdfs.SignedThenRetitledAsync(temp, "google-doc-document.pdf");
        var (whole, _, _) = await VerifyAsync(changed, "--trust", DemoPki.Instance.CaPem);

        var (code, stdout, _) = await VerifyAsync(changed, "--trust", DemoPki.Instance.CaPem, "--extract-revision", "1", temp.File("revision-1.pdf"));

        Assert.Equal(ExitCode.SignatureInvalid, whole);
        Assert.Equal(ExitCode.Done, code);
        Assert.Contains("the revision: VALID; the whole file: not valid (", stdout);
    }

    [Fact]
    public async Task ExtractRevision_ExitsFour_WhenTheRevisionDoesNotVerify()
    {
        using var temp = new TempDirectory();
        var (_, changed) = await BrokenPdfs.SignedThenRetitledAsync(temp, "google-doc-document.pdf");

        // Without --trust nobody is recognised: the revision is written, intact, but not VALID.
        var (code, stdout, _) = await VerifyAsync(changed, "--extract-revision", "1", temp.File("revision-1.pdf"));

        Assert.Equal(ExitCode.SignatureInvalid, code);
        Assert.True(File.Exists(temp.File("revision-1.pdf")));
        Assert.Matches(@"the revision: not valid \(\S+ UNTRUSTED\); the whole file: not valid \(", stdout);
    }

    [Fact]
    public async Task ExtractRevision_NumbersSignaturesOldestFirst_WhenTheFileIsSignedTwice()
    {
        using var temp = new TempDirectory();
        using var second = DemoPki.Instance.SecondRsa.Open();
        var once = temp.File("once.pdf");
        var twice = temp.File("twice.pdf");
        await TestSigning.SignCorpusAsync("minimal-document.pdf", once);
        await TestSigning.SignAsync(once, twice, second);

        var (first, out1, _) = await VerifyAsync(twice, "--trust", DemoPki.Instance.CaPem, "--extract-revision", "1", temp.File("r1.pdf"));
        var (_, _, _) = await VerifyAsync(twice, "--trust", DemoPki.Instance.CaPem, "--extract-revision", "2", temp.File("r2.pdf"));

        Assert.Equal(ExitCode.Done, first);
        Assert.Contains("signature 1 (", out1);
        Assert.DoesNotContain("signature 2 (", out1);
        Assert.Equal(await File.ReadAllBytesAsync(once), await File.ReadAllBytesAsync(temp.File("r1.pdf")));
        Assert.Equal(await File.ReadAllBytesAsync(twice), await File.ReadAllBytesAsync(temp.File("r2.pdf")));
    }

    [Fact]
    public async Task ExtractRevision_RefusesWithExitCode3_WhenThereIsNoSuchSignature()
    {
        using var temp = new TempDirectory();
        var signed = temp.File("signed.pdf");
        await TestSigning.SignCorpusAsync("minimal-document.pdf", signed);

        var (code, _, stderr) = await VerifyAsync(signed, "--extract-revision", "2", temp.File("r2.pdf"));

        Assert.Equal(ExitCode.InputRefused, code);
        Assert.Contains("there is no signature 2: the file has 1", stderr);
        Assert.False(File.Exists(temp.File("r2.pdf")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("satu")]
    public async Task ExtractRevision_IsAUsageError_WhenTheNumberIsNotPositive(string number)
    {
        using var temp = new TempDirectory();
        Assert.Equal(ExitCode.Usage, (await VerifyAsync(RepoPaths.CorpusFile("minimal-document.pdf"), "--extract-revision", number, temp.File("x.pdf"))).Code);
    }
}
