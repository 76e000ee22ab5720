using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Persistence;

public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private NpgsqlDataSource dataSource = null!;
    private AuditLog audit = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        audit = new AuditLog(dataSource, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task AppendThreeAsync()
    {
        var id = Guid.NewGuid();
        await Task.WhenAll(
            audit.AppendAsync(audit.Event(id, "worker", "received", "surat.pdf"), default),
            audit.AppendAsync(audit.Event(id, "kadis@example.go.id", "approved", "", "10.1.2.3"), default),
            audit.AppendAsync(audit.Event(null, "operator", "retried", "Ma’ruf's \"note\""), default));
    }

    [Fact]
    public async Task VerifyAsync_ReportsIntact_WhenEventsWereAppendedConcurrently()
    {
        await AppendThreeAsync();
        var check = await audit.VerifyAsync(default);
        Assert.True(check.Intact);
        Assert.Equal(3, check.EventsChecked);
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM worker.audit_events"));
    }

    [Fact]
    public async Task AuditVerifyCommand_ReportsIntactChain()
    {
        await AppendThreeAsync();
        using var config = new TestConfig(database.ConnectionString);
        var output = new StringWriter();
        var code = await Worker.Cli.CommandLine.RunAsync(["audit", "verify", "--config", config.Write()], output, new StringWriter());
        Assert.Equal(Worker.Cli.ExitCode.Done, code);
        Assert.Contains("audit chain intact: 3 events", output.ToString());
    }

    [Fact]
    public async Task Update_IsRefused_ByTheDatabase()
    {
        await AppendThreeAsync();
        var e = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("UPDATE worker.audit_events SET detail = 'x'"));
        Assert.Contains("append-only", e.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("DELETE FROM worker.audit_events"));
    }

    [Fact]
    public async Task VerifyAsync_FindsTheAlteredEvent_WhenARowIsTamperedWith()
    {
        await AppendThreeAsync();
        // Only a table owner can do this, by switching the guard off first: exactly the tampering the chain must reveal.
        await database.ExecuteAsync(
            """
            ALTER TABLE worker.audit_events DISABLE TRIGGER audit_events_no_update;
            UPDATE worker.audit_events SET actor = 'someone-else' WHERE seq = 2;
            ALTER TABLE worker.audit_events ENABLE TRIGGER audit_events_no_update;
            """);
        var broken = (await audit.VerifyAsync(default)).FirstBreak;
        Assert.NotNull(broken);
        Assert.Equal(2, broken.Seq);
        Assert.Contains("altered", broken.Reason);
        using var config = new TestConfig(database.ConnectionString);
        var output = new StringWriter();
        var code = await Worker.Cli.CommandLine.RunAsync(["audit", "verify", "--config", config.Write()], output, new StringWriter());
        Assert.Equal(Worker.Cli.ExitCode.SignatureInvalid, code);
        Assert.Contains("audit chain BROKEN at event 2", output.ToString());
    }

    [Fact]
    public async Task VerifyAsync_FindsTheGap_WhenARowIsRemoved()
    {
        await AppendThreeAsync();
        await database.ExecuteAsync(
            """
            ALTER TABLE worker.audit_events DISABLE TRIGGER audit_events_no_update;
            DELETE FROM worker.audit_events WHERE seq = 2;
            ALTER TABLE worker.audit_events ENABLE TRIGGER audit_events_no_update;
            """);
        var broken = (await audit.VerifyAsync(default)).FirstBreak;
        Assert.NotNull(broken);
        Assert.Equal(3, broken.Seq);
        Assert.Contains("removed", broken.Reason);
    }
}
