using Hangfire;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Approval;
using Worker.Hosting;
using Worker.Metrics;
using Worker.Persistence;
using Worker.Signing;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>The lifecycle sweep on the real database and Hangfire storage: lost work comes back once, live work is left alone.</summary>
public sealed class LifecycleSweepTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private readonly FakeClock clock = new(DateTimeOffset.UtcNow);
    private readonly WorkerMetrics metrics = new();
    private NpgsqlDataSource dataSource = null!;
    private JobStorage storage = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        storage = JobsSetup.CreateStorage(database.ConnectionString, prepareSchema: true);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }

    private Task<int> SweepAsync() =>
        new LifecycleSweep(new SweepStore(dataSource, new AuditLog(dataSource, clock)), storage, metrics, clock, NullLogger<LifecycleSweep>.Instance)
            .RunAsync(CancellationToken.None);

    [Fact]
    public async Task RunAsync_RecreatesSigningTheDeclinedCopyAndMailOnce_WhenNoLiveJobCarriesThem()
    {
        var approved = await DocumentAsync("Approved", jobId: null);
        var declined = await DocumentAsync("Declined", jobId: "987654321"); // a job Hangfire no longer has
        var filed = await DocumentAsync("Filed", jobId: null);
        await database.ExecuteAsync(
            $"INSERT INTO worker.outbox (id, key, kind, document_id, recipient, created_at) VALUES (gen_random_uuid(), 'filed:{filed}', 'Filed', '{filed}', 'staf@example.go.id', now() - interval '1 hour')");
        clock.Now = DateTimeOffset.UtcNow;

        Assert.Equal(3, await SweepAsync());
        Assert.Equal("Sign", await FollowUpsAsync(approved));
        Assert.Equal("FileDeclined", await FollowUpsAsync(declined));
        Assert.Equal("DeliverMail", await FollowUpsAsync(filed));
        Assert.Equal(3L, await database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE actor = '{SweepStore.Actor}'"));
        Assert.Equal(1, metrics.SweepRecreated.WithLabels("Sign").Value);
        Assert.Equal("Approved", await database.ScalarAsync<string>($"SELECT state FROM worker.documents WHERE id = '{approved}'"));

        // The new follow-ups wait for the relay: not lost, so a second run adds nothing.
        Assert.Equal(0, await SweepAsync());
    }

    [Fact]
    public async Task RunAsync_LeavesWorkAlone_WhenItsJobIsAliveOrItIsRecent()
    {
        var live = new BackgroundJobClient(storage).Enqueue<ISigningStarter>(s => s.SignAsync(Guid.NewGuid(), CancellationToken.None));
        var carried = await DocumentAsync("Approved", jobId: live);
        var recent = await DocumentAsync("Approved", jobId: null, age: "30 seconds");

        Assert.Equal(0, await SweepAsync());
        Assert.Equal("Sign", await FollowUpsAsync(carried));
        Assert.Equal("", await FollowUpsAsync(recent));
    }

    [Fact]
    public async Task RunAsync_RecreatesTheHandOffToApproval_WhenAReceivedDocumentsJobIsGone_AndLeavesALiveOneAlone()
    {
        var lost = await DocumentAsync("Received", jobId: "987654321");
        // Received before hand-offs were follow-ups: only approval_job_id names the job.
        var legacyLost = await DocumentAsync("Received", jobId: null, legacyJob: "987654322");
        var live = new BackgroundJobClient(storage).Schedule<IApprovalStarter>(s => s.StartAsync(Guid.NewGuid(), CancellationToken.None), TimeSpan.FromDays(1));
        var legacyLive = await DocumentAsync("Received", jobId: null, legacyJob: live);

        Assert.Equal(2, await SweepAsync());
        Assert.Equal(2L, await database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.follow_ups WHERE kind = 'StartApproval' AND dispatched_at IS NULL AND document_id IN ('{lost}', '{legacyLost}')"));
        Assert.Equal("", await FollowUpsAsync(legacyLive));
        Assert.Equal(2, metrics.SweepRecreated.WithLabels("StartApproval").Value);
        Assert.Equal(0, await SweepAsync());
    }

    /// <summary>
    /// A document in <paramref name="state"/> unchanged for <paramref name="age"/>; with a relayed follow-up of the kind its state
    /// implies when given a job, and an approval_job_id as intake noted it before hand-offs were follow-ups when given a legacy job.
    /// </summary>
    private async Task<Guid> DocumentAsync(string state, string? jobId, string age = "1 hour", string? legacyJob = null)
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsync(
            $"""
            INSERT INTO worker.documents (id, route, state, source_name, size_bytes, sha256, title, updated_at, approval_job_id)
            VALUES ('{id}', 'surat-keluar', '{state}', 'a.pdf', 1, '{new string('0', 64)}', 'a', now() - interval '{age}',
                    {(legacyJob is null ? "NULL" : $"'{legacyJob}'")})
            """);
        if (jobId is not null)
            await database.ExecuteAsync(
                $"""
                INSERT INTO worker.follow_ups (document_id, kind, created_at, dispatched_at, job_id)
                VALUES ('{id}', '{state switch { "Approved" => "Sign", "Received" => "StartApproval", _ => "FileDeclined" }}', now() - interval '{age}', now() - interval '{age}', '{jobId}')
                """);
        return id;
    }

    /// <summary>Kinds of the document's follow-ups not relayed yet, plus relayed ones, in order.</summary>
    private async Task<string> FollowUpsAsync(Guid id) => await database.ScalarAsync<string>(
        $"SELECT coalesce(string_agg(DISTINCT kind, ','), '') FROM worker.follow_ups WHERE document_id = '{id}'") ?? "";
}
