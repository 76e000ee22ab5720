using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Worker.Approval;
using Worker.Configuration;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>The office-hours sweep on the real database with a fake clock: Friday 15 August 2025, Monday 18 August a holiday.</summary>
public sealed class ApprovalSweepTests : IAsyncLifetime
{
    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);
    private readonly TestDatabase database = new();
    private readonly FakeClock clock = new(new DateTimeOffset(2025, 8, 15, 14, 0, 0, Wita));
    private readonly RecordingJobClient jobs = new();
    private TestConfig config = null!;
    private NpgsqlDataSource dataSource = null!;
    private WorkerOptions options = null!;
    private ApprovalStore store = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        config = new TestConfig(database.ConnectionString);
        config.Worker["OfficeHours"] = new System.Text.Json.Nodes.JsonObject { ["Holidays"] = new System.Text.Json.Nodes.JsonArray("2025-08-18") };
        options = WorkerConfiguration.Load(WorkerConfiguration.Build(config.Write()));
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        store = new ApprovalStore(dataSource, new AuditLog(dataSource, clock));
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        config.Dispose();
        await database.DisposeAsync();
    }

    private ApprovalSweep Sweep() => new(new ApprovalSweepStore(dataSource, new AuditLog(dataSource, clock)),
        new DelegationStore(dataSource, new AuditLog(dataSource, clock)), new RouteBook(options), Options.Create(options.OfficeHours), clock,
        NullLogger<ApprovalSweep>.Instance);

    // The follow-ups the sweep committed, handed to the recording client as the relay of a running worker would.
    private Task RelayAsync() =>
        new FollowUpRelay(dataSource, new FollowUpStore(dataSource), jobs, NullLogger<FollowUpRelay>.Instance).DispatchAsync(CancellationToken.None);

    /// <summary>A document asked on Friday 14:00 WITA whose link was delivered at 15:00.</summary>
    private async Task<Guid> AskedOnFridayAsync(TimeSpan expiry)
    {
        var id = await TestDocuments.InsertAsync(database, config);
        var route = options.Routes[0];
        await store.StartAsync(id, ApprovalRoutes.Plan(route), askAll: false, expiry, clock.GetUtcNow(), CancellationToken.None);
        await database.ExecuteAsync(
            $"UPDATE worker.approval_steps SET email_state = 'Sent', email_sent_at = '2025-08-15T15:00:00+08:00' WHERE document_id = '{id}'");
        return id;
    }

    private Task<long> RemindersAsync(Guid id) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM worker.outbox WHERE document_id = '{id}' AND kind = 'Reminder'");

    private async Task<long> RunAtAsync(int day, int hour, int minute, Guid id)
    {
        clock.Now = new DateTimeOffset(2025, 8, day, hour, minute, 0, Wita);
        await Sweep().RunAsync(CancellationToken.None);
        await RelayAsync();
        return await RemindersAsync(id);
    }

    [Fact]
    public async Task RunAsync_RemindsOnTuesdayMorning_WhenDueOnASaturdayBeforeAHoliday()
    {
        var id = await AskedOnFridayAsync(TimeSpan.FromDays(7));
        Assert.Equal(0, await RunAtAsync(15, 15, 30, id));
        Assert.Equal(0, await RunAtAsync(16, 15, 0, id)); // Saturday, a day after the email
        Assert.Equal(0, await RunAtAsync(17, 10, 0, id)); // Sunday
        Assert.Equal(0, await RunAtAsync(18, 10, 0, id)); // Monday, a holiday
        Assert.Equal(0, await RunAtAsync(19, 7, 29, id)); // before the office opens
        Assert.Equal(1, await RunAtAsync(19, 7, 30, id));
        Assert.Equal(1, await RunAtAsync(19, 9, 0, id)); // once
        Assert.Equal(1, await RunAtAsync(20, 7, 29, id));
        Assert.Equal(2, await RunAtAsync(20, 7, 30, id)); // a day after the first reminder
        Assert.Equal(2, await RunAtAsync(21, 10, 0, id)); // MaxReminders is 2
        Assert.Contains("ApprovalMailJob.DeliverAsync", jobs.Names);
        Assert.Equal("AwaitingApproval", await database.ScalarAsync<string>($"SELECT state FROM worker.documents WHERE id = '{id}'"));
    }

    [Fact]
    public async Task RunAsync_ExpiresInOfficeHours_AndTheOriginalIsFiledAsDeclined()
    {
        var id = await AskedOnFridayAsync(TimeSpan.FromDays(1)); // the link ends Saturday 14:00
        await RunAtAsync(16, 15, 0, id);
        await RunAtAsync(18, 10, 0, id);
        Assert.Equal("AwaitingApproval", await database.ScalarAsync<string>($"SELECT state FROM worker.documents WHERE id = '{id}'"));
        await RunAtAsync(19, 7, 30, id);
        Assert.Equal("Expired", await database.ScalarAsync<string>($"SELECT state FROM worker.documents WHERE id = '{id}'"));
        Assert.Equal("Expired", await database.ScalarAsync<string>($"SELECT state FROM worker.approval_steps WHERE document_id = '{id}'"));
        Assert.Equal(0, await RemindersAsync(id)); // never a reminder for an expired link
        Assert.Equal(ApprovalHost.Submitter,
            await database.ScalarAsync<string>($"SELECT recipient FROM worker.outbox WHERE document_id = '{id}' AND kind = 'Expired'"));
        Assert.Contains("DeclinedFiling.FileAsync", jobs.Names);

        var filing = new DeclinedFiling(store, new RouteBook(options), Options.Create(options.OfficeHours), clock, NullLogger<DeclinedFiling>.Instance);
        await filing.FileAsync(id, CancellationToken.None);
        await filing.FileAsync(id, CancellationToken.None);
        var declined = Directory.GetFiles(options.Routes[0].Declined);
        Assert.Equal(2, declined.Length);
        var reason = await File.ReadAllTextAsync(declined.Single(f => f.EndsWith(".reason.txt")));
        Assert.Contains("Hasil    : kedaluwarsa", reason);
        Assert.Contains("Outcome: expired", reason);
    }
}
