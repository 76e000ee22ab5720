using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

public sealed class LoggingSetupTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Run_LogsInWitaWithTheOffset_WhenStarted()
    {
        using var config = new TestConfig(database.ConnectionString);
        using var worker = WorkerProcess.Start("run", "--config", config.Write());
        await worker.WaitUntilReadyAsync(config.BaseUrl, TimeSpan.FromSeconds(180));
        worker.Terminate();
        await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var lines = worker.Output.Split('\n').Where(l => l.StartsWith('[')).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \+08:00 ", l));
        // No warning noise when nothing is wrong: a newcomer reads every WRN as a problem.
        Assert.DoesNotContain(lines, l => l.Contains(" WRN] Quartz", StringComparison.Ordinal));
    }
}
