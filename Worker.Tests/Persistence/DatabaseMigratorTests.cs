using Microsoft.Extensions.Logging.Abstractions;
using Worker.Cli;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Persistence;

public sealed class DatabaseMigratorTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task MigrateAsync_Succeeds_WhenFourWorkersMigrateAtOnceAndAgain()
    {
        var runs = Enumerable.Range(0, 4)
            .Select(_ => new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None));
        await Task.WhenAll(runs);
        await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM worker.documents"));
        var applied = await database.ScalarAsync<long>("SELECT count(*) FROM worker.schema_versions");
        Assert.Equal(Directory.GetFiles(Path.Combine(RepoPaths.Root, "Worker", "Persistence", "Migrations"), "*.sql").Length, applied);
    }

    [Fact]
    public async Task MigrateCommand_CreatesWorkerAndHangfireSchemas()
    {
        using var config = new TestConfig(database.ConnectionString);
        var output = new StringWriter();
        var code = await CommandLine.RunAsync(["migrate", "--config", config.Write()], output, new StringWriter());
        Assert.Equal(ExitCode.Done, code);
        Assert.Contains("up to date", output.ToString());
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM hangfire.job"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM worker.audit_events"));
    }
}
