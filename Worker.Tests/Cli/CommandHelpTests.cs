using Worker.Cli;

namespace Worker.Tests.Cli;

public class CommandHelpTests
{
    public static TheoryData<string[]> HelpRequests => new()
    {
        { ["--help"] }, { ["-h"] }, { ["help"] },
        { ["run", "--help"] }, { ["migrate", "-h"] }, { ["sign", "--help"] }, { ["verify", "-h"] }, { ["dev-certs", "--help"] },
        { ["hash-password", "--help"] }, { ["api-key", "-h"] }, { ["audit", "verify", "--help"] }, { ["documents", "--help"] },
        { ["documents", "cancel", "-h"] }, { ["failed", "list", "--help"] }, { ["approvals", "resend", "--help"] }, { ["signers", "check", "-h"] }, { ["help", "sign"] },
    };

    [Theory]
    [MemberData(nameof(HelpRequests))]
    public async Task RunAsync_PrintsUsageAndExampleAndExitsZero_WhenHelpIsAsked(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(args, stdout, stderr);

        Assert.Equal(ExitCode.Done, code);
        Assert.Empty(stderr.ToString());
        Assert.Contains("usage: Worker", stdout.ToString());
        Assert.Contains("example:", stdout.ToString());
        // A command's help is its own, not the overview.
        var command = args[0] == "help" ? args.ElementAtOrDefault(1) : args[0].StartsWith('-') ? null : args[0];
        if (command is not null) Assert.StartsWith($"{command}: ", stdout.ToString());
    }

    [Fact]
    public void Names_AreTheDispatchedCommands()
    {
        Assert.Equal(CommandLine.Names.Order(StringComparer.Ordinal), CommandHelp.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PrintsTheCommandsOwnHelpAndExitsZero_ForEveryDispatchedCommand()
    {
        Assert.NotEmpty(CommandLine.Names);
        foreach (var command in CommandLine.Names)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var code = await CommandLine.RunAsync([command, "--help"], stdout, stderr);

            Assert.True(code == ExitCode.Done, $"Worker {command} --help exited {code}: {stderr}");
            Assert.Empty(stderr.ToString());
            Assert.StartsWith($"{command}: ", stdout.ToString());
            Assert.Contains("usage: Worker " + command, stdout.ToString());
            Assert.Contains("example:", stdout.ToString());
        }
    }

    [Fact]
    public async Task RunAsync_PrintsEveryCommandAndDoesNotStartTheDaemon_WhenGivenNoArguments()
    {
        var stdout = new StringWriter();

        // Would block serving (and fail on the missing database) if it still started the daemon.
        var code = await CommandLine.RunAsync([], stdout, new StringWriter()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCode.Usage, code);
        foreach (var command in new[] { "run", "migrate", "sign", "verify", "dev-certs", "documents", "approvals", "signers", "audit" })
            Assert.Contains($"\n  {command} ", stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_PointsToRun_WhenTheFirstArgumentIsAnOption()
    {
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["--config", "x.json"], new StringWriter(), stderr);

        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("'Worker run --config x.json'", Assert.Single(stderr.ToString().TrimEnd().Split('\n')));
    }
}
