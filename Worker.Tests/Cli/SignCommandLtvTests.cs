using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

public sealed class SignCommandLtvTests(RevocationPki pki) : IClassFixture<RevocationPki>
{
    [Fact]
    public async Task Sign_AddsADssAndADocumentTimestamp_WhenAskedForLta()
    {
        using var temp = new TempDirectory();
        await using var tsa = await TestTimestampServer.StartAsync();
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = await CommandLine.RunAsync(["sign", RepoPaths.CorpusFile("habibi.pdf"), "-o", temp.File("out.pdf"),
            "--pkcs12", pki.OcspGood.Files.Pkcs12, "--password-file", pki.OcspGood.Files.PasswordFile, "--trust", pki.CaPem,
            "--tsa", tsa.Url.ToString(), "--ltv", "LTA"], output, errors);

        Assert.True(code == ExitCode.Done, errors.ToString());
        Assert.Contains("B-LTA", output.ToString());
        var pdfsig = SignedPdf.PdfSig(temp.File("out.pdf"));
        Assert.Contains("Signature #2", pdfsig);
        Assert.Matches("Signature #1:(.|\n)*Signature Validation: Signature is Valid", pdfsig);
    }

    [Fact]
    public async Task Sign_RefusesLtaWithoutATsa()
    {
        using var temp = new TempDirectory();
        var errors = new StringWriter();

        var code = await CommandLine.RunAsync(["sign", RepoPaths.CorpusFile("habibi.pdf"), "-o", temp.File("out.pdf"),
            "--pkcs12", pki.OcspGood.Files.Pkcs12, "--password-file", pki.OcspGood.Files.PasswordFile, "--ltv", "LTA"], TextWriter.Null, errors);

        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("--ltv LTA needs --tsa", errors.ToString());
        Assert.False(File.Exists(temp.File("out.pdf")));
    }
}
