using Worker.Cli;

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
}
