using System.Diagnostics;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

public sealed class ShutdownTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Run_ExitsZeroWithinThirtySeconds_WhenSentSigterm()
    {
        using var config = new TestConfig(database.ConnectionString);
        using var worker = WorkerProcess.Start("run", "--config", config.Write());
        // Generous: a loaded machine can take a minute to start a worker; this test is about the stop, not the start.
        await worker.WaitUntilReadyAsync(config.BaseUrl, TimeSpan.FromSeconds(180));

        var stopwatch = Stopwatch.StartNew();
        worker.Terminate();
        var code = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(code == 0, $"exit code {code?.ToString() ?? "none (still running)"} after {stopwatch.Elapsed}:\n{worker.Output}");
        var log = Directory.GetFiles(Path.Combine(config.Directory, "logs"), "worker-*.log").Single();
        Assert.Matches(@"worker-\d{8}\.log$", log);
    }

    [Fact]
    public async Task Run_ExitsWithOneLine_WhenDatabaseIsUnreachable()
    {
        using var config = new TestConfig("Host=127.0.0.1;Port=1;Database=nothing;Username=nobody;Timeout=2");
        config.Worker["Database"]!["StartupWait"] = "00:00:03";
        using var worker = WorkerProcess.Start("run", "--config", config.Write());
        var code = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, code);
        Assert.Contains("database Host=127.0.0.1;Port=1;Database=nothing;Username=nobody", worker.Output);
        Assert.Contains("is unreachable", worker.Output);
    }
}
