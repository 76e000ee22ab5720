using Worker.Cli;
using Worker.Configuration;
using Worker.Dashboard;

namespace Worker.Tests.Cli;

public sealed class HashPasswordCommandTests
{
    [Fact]
    public void Run_PrintsAHashThatVerifies_WhenPasswordComesOnStdin()
    {
        var output = new StringWriter();
        var code = HashPasswordCommand.Run([], new StringReader("correct horse battery\n"), output, new StringWriter());
        Assert.Equal(ExitCode.Done, code);
        var hash = output.ToString().Trim();
        Assert.DoesNotContain("correct horse", hash);
        Assert.True(PasswordHash.Verify("correct horse battery", hash));
        Assert.False(PasswordHash.Verify("correct horse batterz", hash));
    }

    [Fact]
    public void Run_RefusesAShortPassword()
    {
        var e = Assert.Throws<UsageException>(() => HashPasswordCommand.Run([], new StringReader("short\n"), new StringWriter(), new StringWriter()));
        Assert.Contains("at least 10", e.Message);
    }
}
