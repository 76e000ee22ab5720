using Worker.Cli;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary><c>sign --tsa URL</c> against the loopback test TSA: granted, down, and answering garbage.</summary>
public class SignCommandTimestampTests
{
    private static string[] SignArgs(string input, string output, Uri tsa) =>
        ["sign", input, "-o", output, "--tsa", tsa.ToString(),
         "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", DemoPki.Instance.Rsa.PasswordFile, "--trust", DemoPki.Instance.CaPem];

    [Fact]
    public async Task RunAsync_EmbedsATimestampBothVerifiersAccept_WhenTheTsaGrantsIt()
    {
        await using var tsa = await TestTimestampServer.StartAsync();
        using var temp = new TempDirectory();
        var output = temp.File("signed.pdf");

        var sign = await CommandLine.RunAsync(SignArgs(RepoPaths.CorpusFile("habibi.pdf"), output, tsa.Url), TextWriter.Null, TextWriter.Null);
        var stdout = new StringWriter();
        var verify = await CommandLine.RunAsync(["verify", output, "--trust", DemoPki.Instance.CaPem], stdout, TextWriter.Null);

        Assert.Equal(ExitCode.Done, sign);
        Assert.Equal(2, tsa.Requests); // one probe to size the reserve, then the signature's token
        SignedPdf.AssertPdfSigValid(output, 1);
        SignedPdf.AssertOpenSslVerifies(output, temp.Path);
        var result = Assert.Single(PdfSignatureVerifier.Verify(output, DemoPki.Instance.Trust));
        Assert.True(result.TimestampValid);
        Assert.NotNull(result.TimestampTime);
        Assert.Equal(ExitCode.Done, verify);
        Assert.Contains("timestamp valid", stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_FailsWithOneLineNamingTheTsa_WhenTheTsaIsDown()
    {
        var tsa = await TestTimestampServer.StartAsync();
        var url = tsa.Url;
        await tsa.DisposeAsync();
        using var temp = new TempDirectory();
        var output = temp.File("signed.pdf");
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(SignArgs(RepoPaths.CorpusFile("habibi.pdf"), output, url), TextWriter.Null, stderr);

        Assert.Equal(ExitCode.Unexpected, code);
        var line = Assert.Single(stderr.ToString().Trim().Split('\n'));
        Assert.Contains(url.ToString(), line);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task RunAsync_FailsWithOneLine_WhenTheTsaAnswersGarbage()
    {
        await using var tsa = await TestTimestampServer.StartAsync(TestTimestampServerMode.Garbage);
        using var temp = new TempDirectory();
        var output = temp.File("signed.pdf");
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(SignArgs(RepoPaths.CorpusFile("habibi.pdf"), output, tsa.Url), TextWriter.Null, stderr);

        Assert.Equal(ExitCode.Unexpected, code);
        var line = Assert.Single(stderr.ToString().Trim().Split('\n'));
        Assert.Contains(tsa.Url.ToString(), line);
        Assert.Contains("not an RFC 3161 timestamp response", line);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
