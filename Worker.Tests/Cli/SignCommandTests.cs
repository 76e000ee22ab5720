using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

public class SignCommandTests
{
    [Fact]
    public async Task RunAsync_PrintsOneLinePerFileAndRate_WhenBatchSigning()
    {
        using var temp = new TempDirectory();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] inputs = ["habibi.pdf", "minimal-document.pdf", "libreoffice-writer-password.pdf"];

        var code = await CommandLine.RunAsync(["sign", .. inputs.Select(RepoPaths.CorpusFile), "--out-dir", temp.File("out"),
            "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", DemoPki.Instance.Rsa.PasswordFile, "--reason", "Setuju"], stdout, stderr);

        Assert.Equal(ExitCode.InputRefused, code);
        Assert.Contains("habibi.pdf: signed", stdout.ToString());
        Assert.Contains("minimal-document.pdf: signed", stdout.ToString());
        Assert.Contains("libreoffice-writer-password.pdf: ditolak: PDF ini dikunci dengan kata sandi", stderr.ToString());
        Assert.Contains(" / refused: encrypted PDF", stderr.ToString());
        Assert.Matches(@"signed 2 of 3 files .* files/s", stdout.ToString());
        Assert.Equal(["habibi.pdf", "minimal-document.pdf"], Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task RunAsync_SignsVisibly_AndVerifyExitsZero()
    {
        using var temp = new TempDirectory();
        var output = temp.File("signed.pdf");

        var sign = await CommandLine.RunAsync(["sign", RepoPaths.CorpusFile("habibi-rotated.pdf"), "-o", output, "--visible", "--page", "1",
            "--pkcs12", DemoPki.Instance.EcP256.Pkcs12, "--password-file", DemoPki.Instance.EcP256.PasswordFile, "--name", "Andi Mappasessu'", "--hash", "sha384"],
            TextWriter.Null, TextWriter.Null);
        var stdout = new StringWriter();
        var verify = await CommandLine.RunAsync(["verify", output, "--trust", DemoPki.Instance.CaPem], stdout, TextWriter.Null);

        Assert.Equal(ExitCode.Done, sign);
        Assert.Equal(ExitCode.Done, verify);
        Assert.Contains("Signature1: VALID", stdout.ToString());
        Assert.Contains("trusted", stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_DrawsTheStampWithAQrCodeToTheVerifyUrl_WhenVisible()
    {
        using var temp = new TempDirectory();
        var output = temp.File("signed.pdf");
        const string url = "https://tte.sulbarprov.go.id/verify/7b1e";

        var code = await CommandLine.RunAsync(["sign", RepoPaths.CorpusFile("minimal-document.pdf"), "-o", output, "--visible",
            "--verify-url", url, "--signer-position", "Kepala Dinas Kominfo", "--name", "Andi Mappasessu'",
            "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", DemoPki.Instance.Rsa.PasswordFile], TextWriter.Null, TextWriter.Null);

        Assert.Equal(ExitCode.Done, code);
        SignedPdf.AssertPdfSigValid(output, 1);
        ExternalTool.Run("pdftoppm", "-png", "-r", "200", "-singlefile", output, temp.File("page"));
        var decoded = ExternalTool.Run("zbarimg", "--raw", "-q", temp.File("page.png"));
        Assert.True(decoded.ExitCode == 0, decoded.Output);
        Assert.Equal(url, decoded.Stdout.Trim());
        // Appearance streams are written uncompressed, so the position is readable in the appended revision.
        Assert.Contains("Kepala Dinas Kominfo", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(output)));
    }

    [Fact]
    public async Task RunAsync_ExitsUsage_WhenPasswordIsWrong()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("bad.pass"), "nope");
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["sign", RepoPaths.CorpusFile("habibi.pdf"), "-o", temp.File("o.pdf"),
            "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", temp.File("bad.pass")], TextWriter.Null, stderr);

        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("wrong password", stderr.ToString());
        Assert.Single(stderr.ToString().Trim().Split('\n'));
        Assert.False(File.Exists(temp.File("o.pdf")));
    }

    [Fact]
    public async Task RunAsync_ExitsRefused_WhenVerifyingANonPdf()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("x.pdf"), "hello");

        Assert.Equal(ExitCode.InputRefused, await CommandLine.RunAsync(["verify", temp.File("x.pdf")], TextWriter.Null, TextWriter.Null));
    }
}
