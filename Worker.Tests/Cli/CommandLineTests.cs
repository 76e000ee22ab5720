using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public async Task RunAsync_ReturnsUsage_WhenCommandIsUnknown()
    {
        var err = new StringWriter();
        var code = await CommandLine.RunAsync(["frobnicate"], new StringWriter(), err);
        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("unknown command 'frobnicate'", err.ToString());
    }

    [Fact]
    public async Task RunAsync_PrintsOneErrorLineAndExitsOne_WhenACommandThrowsUnexpectedly()
    {
        using var temp = new TempDirectory();
        // --out-dir naming an existing file makes Directory.CreateDirectory throw an IOException no command expects.
        File.WriteAllText(temp.File("taken"), "a file, not a folder");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["sign", RepoPaths.CorpusFile("habibi.pdf"), "--out-dir", temp.File("taken"),
            "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", DemoPki.Instance.Rsa.PasswordFile], stdout, stderr);

        Assert.Equal(ExitCode.Unexpected, code);
        var line = Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.DoesNotContain("   at ", line);
        Assert.Empty(stdout.ToString());
    }
}
