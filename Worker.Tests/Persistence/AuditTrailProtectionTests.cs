using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Cli;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Persistence;

/// <summary>
/// The audit trail against someone with the worker's database role (it may only read and add) and against someone with
/// more (the owner, a superuser), whose cut of the newest events the head recorded outside the database reveals.
/// </summary>
public sealed class AuditTrailProtectionTests : IAsyncLifetime
{
    private static readonly string RuntimeAdmin = Environment.GetEnvironmentVariable("WORKER_TEST_RUNTIME_DB")
        ?? throw new InvalidOperationException("WORKER_TEST_RUNTIME_DB is not set: run the tests with scripts/test.sh, which creates the runtime role");

    private readonly TestDatabase database = new();
    private TestConfig config = null!;
    private NpgsqlDataSource owner = null!;

    private string RuntimeConnectionString => new NpgsqlConnectionStringBuilder(RuntimeAdmin) { Database = database.Name }.ConnectionString;
    private static string RuntimeRole => new NpgsqlConnectionStringBuilder(RuntimeAdmin).Username!;
    private string HeadPath => Path.Combine(config.Worker["DataDirectory"]!.GetValue<string>(), AuditHeadFile.FileName);

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        config = new TestConfig(database.ConnectionString);
        await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance, RuntimeRole).MigrateAsync(CancellationToken.None);
        owner = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await owner.DisposeAsync();
        config.Dispose();
        await database.DisposeAsync();
    }

    private AuditLog Audit(NpgsqlDataSource dataSource) =>
        new(dataSource, TimeProvider.System, new AuditHeadFile(HeadPath, File.ReadAllBytes(config.AuditHeadKeyFile)));

    private async Task<(int Code, string Output)> VerifyCommandAsync()
    {
        var output = new StringWriter();
        var code = await CommandLine.RunAsync(["audit", "verify", "--config", config.Write()], output, new StringWriter());
        return (code, output.ToString());
    }

    private async Task CutAsOwnerAsync(int newest) => await database.ExecuteAsync(
        $"""
        ALTER TABLE worker.audit_events DISABLE TRIGGER audit_events_no_update;
        DELETE FROM worker.audit_events WHERE seq IN (SELECT seq FROM worker.audit_events ORDER BY seq DESC LIMIT {newest});
        ALTER TABLE worker.audit_events ENABLE TRIGGER audit_events_no_update;
        """);

    [Theory]
    [InlineData("DELETE FROM worker.audit_events")]
    [InlineData("UPDATE worker.audit_events SET actor = 'someone-else'")]
    [InlineData("TRUNCATE worker.audit_events")]
    [InlineData("ALTER TABLE worker.audit_events DISABLE TRIGGER ALL")]
    [InlineData("DROP TRIGGER audit_events_no_update ON worker.audit_events")]
    [InlineData("CREATE OR REPLACE FUNCTION worker.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$")]
    [InlineData("DROP TABLE worker.audit_events")]
    [InlineData("ALTER TABLE worker.audit_events RENAME TO audit_events_old")]
    public async Task RuntimeRole_MayOnlyReadAndAdd_ToTheAuditTrail(string attack)
    {
        await using var runtime = NpgsqlDataSource.Create(RuntimeConnectionString);
        var audit = Audit(runtime);
        await audit.AppendAsync(audit.Event(null, "worker", "received", "surat.pdf"), default);
        await audit.AppendAsync(audit.Event(null, "operator", "retried"), default);
        await using var connection = await runtime.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(attack, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.True((await audit.VerifyAsync(default)).Intact);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM worker.audit_events"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task AuditVerify_Exits4NamingTheCut_WhenTheNewestEventsWereDeleted(int newest)
    {
        var audit = Audit(owner);
        for (var i = 0; i < 5; i++) await audit.AppendAsync(audit.Event(null, "worker", "step-" + i), default);
        var (intactCode, intact) = await VerifyCommandAsync();
        Assert.Equal(ExitCode.Done, intactCode);
        Assert.Contains("audit chain intact: 5 events; the head recorded in", intact);

        var head = await database.ScalarAsync<long>("SELECT max(seq) FROM worker.audit_events");
        await CutAsOwnerAsync(newest);
        // What remains is a perfectly valid chain: only the record outside the database shows that it once went further.
        Assert.Equal(5 - newest, await database.ScalarAsync<long>("SELECT count(*) FROM worker.audit_events"));
        var (code, output) = await VerifyCommandAsync();
        Assert.Equal(ExitCode.SignatureInvalid, code);
        Assert.Contains($"audit chain BROKEN at event {head}", output);
        Assert.Contains($"the trail ends at event {head - newest}", output);
        Assert.Contains("the newest events were removed", output);
    }

    [Fact]
    public async Task AuditVerify_CatchesTheCut_WhenEventsWereAppendedInsideTransactions()
    {
        var audit = Audit(owner);
        await using (var connection = await owner.OpenConnectionAsync())
            for (var i = 0; i < 3; i++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await audit.AppendAsync(connection, transaction, audit.Event(Guid.NewGuid(), "worker", "received"), default);
                await transaction.CommitAsync();
            }
        // The worker records the newest committed head every few seconds; this is that step.
        await audit.RecordHeadAsync(default);
        await CutAsOwnerAsync(1);
        var (code, output) = await VerifyCommandAsync();
        Assert.Equal(ExitCode.SignatureInvalid, code);
        Assert.Contains("the newest events were removed", output);
    }

    [Fact]
    public async Task AuditVerify_Exits4_WhenTheHeadRecordWasRewritten()
    {
        var audit = Audit(owner);
        for (var i = 0; i < 3; i++) await audit.AppendAsync(audit.Event(null, "worker", "step-" + i), default);
        await CutAsOwnerAsync(1);
        // Moving the record back to match the cut table needs the key; without it the record is refused.
        var parts = File.ReadAllText(HeadPath).Trim().Split(' ');
        var second = await database.ScalarAsync<byte[]>("SELECT hash FROM worker.audit_events ORDER BY seq DESC LIMIT 1");
        File.WriteAllText(HeadPath, $"{long.Parse(parts[0]) - 1} {Convert.ToHexStringLower(second!)} {parts[2]}\n");
        var (code, output) = await VerifyCommandAsync();
        Assert.Equal(ExitCode.SignatureInvalid, code);
        Assert.Contains("is not signed with Worker:Audit:HeadKeyFile", output);
    }

    [Fact]
    public async Task Worker_RunsThePipeline_AsARuntimeRoleThatOwnsNothing()
    {
        config.Worker["Database"] = new JsonObject
        {
            ["ConnectionString"] = RuntimeConnectionString, ["MigrationConnectionString"] = database.ConnectionString,
        };
        await using var worker = await TestWorker.StartAsync(config);
        var inbox = config.Route["Inbox"]!.GetValue<string>();
        await File.WriteAllBytesAsync(Path.Combine(inbox, "surat-peran.pdf"), TestPdfs.Unique());
        await Eventually.Async(() => database.ScalarAsync<string>("SELECT state FROM worker.documents WHERE source_name = 'surat-peran.pdf'"),
            s => s == "AwaitingApproval", TimeSpan.FromSeconds(60), "AwaitingApproval");
        // The worker's sessions are the runtime role's (its migration connection is the owner's).
        Assert.True(await database.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'signing-worker' AND usename = '{RuntimeRole}'") > 0);
        Assert.NotEqual(RuntimeRole, await database.ScalarAsync<string>(
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'worker' AND tablename = 'audit_events'"));
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM worker.audit_events") >= 2);
    }
}
