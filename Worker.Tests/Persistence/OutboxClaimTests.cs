using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Approval;
using Worker.Configuration;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Persistence;

/// <summary>When a link sent by email starts and stops working, on the real database.</summary>
public sealed class OutboxClaimTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private readonly FakeClock clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));
    private TestConfig config = null!;
    private NpgsqlDataSource dataSource = null!;
    private WorkerOptions options = null!;
    private ApprovalStore store = null!;
    private OutboxStore outbox = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        config = new TestConfig(database.ConnectionString);
        options = WorkerConfiguration.Load(WorkerConfiguration.Build(config.Write()));
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        store = new ApprovalStore(dataSource, new AuditLog(dataSource, clock));
        outbox = new OutboxStore(dataSource, new AuditLog(dataSource, clock));
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        config.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task IssueTokenAsync_OpensTheNewLinkBeforeTheSendIsRecorded_AndRetiresTheOldOneOnlyAfterIt()
    {
        var documentId = await AskedAsync();
        var invite = await SendAsync(await UnsentAsync(documentId));

        // A reminder is being sent: the mail server has it, the worker has not yet recorded the send.
        var reminderRow = await AddReminderAsync(documentId);
        var reminder = ApprovalTokens.New();
        await using (var claim = (await outbox.ClaimAsync(reminderRow, CancellationToken.None))!)
        {
            await claim.IssueTokenAsync(ApprovalTokens.Hash(reminder)!, clock.GetUtcNow(), CancellationToken.None);
            Assert.True(await OpensAsync(reminder), "the link in the mail just handed to the server must open");
            Assert.True(await OpensAsync(invite), "the earlier link works until the new one is recorded as sent");
            await claim.CompleteAsync("<reminder@test>", clock.GetUtcNow(), CancellationToken.None);
        }
        Assert.True(await OpensAsync(reminder));
        Assert.True((await store.FindByTokenAsync(ApprovalTokens.Hash(invite)!, CancellationToken.None)).Retired);
    }

    [Fact]
    public async Task IssueTokenAsync_RetiresALinkWhoseSendNeverCompleted_AtTheNextAttempt()
    {
        var documentId = await AskedAsync();
        var row = await UnsentAsync(documentId);
        var lost = ApprovalTokens.New();
        await using (var claim = (await outbox.ClaimAsync(row, CancellationToken.None))!)
            await claim.IssueTokenAsync(ApprovalTokens.Hash(lost)!, clock.GetUtcNow(), CancellationToken.None);
        // The server may have delivered it even though the worker saw an error: it opens until the retry is sent.
        Assert.True(await OpensAsync(lost));

        var retried = await SendAsync(row);
        Assert.True(await OpensAsync(retried));
        Assert.True((await store.FindByTokenAsync(ApprovalTokens.Hash(lost)!, CancellationToken.None)).Retired);
    }

    [Fact]
    public async Task ResendAsync_RetiresTheLinkBeingSent_Too()
    {
        var documentId = await AskedAsync();
        var row = await UnsentAsync(documentId);
        var lost = ApprovalTokens.New();
        await using (var claim = (await outbox.ClaimAsync(row, CancellationToken.None))!)
            await claim.IssueTokenAsync(ApprovalTokens.Hash(lost)!, clock.GetUtcNow(), CancellationToken.None);
        var step = (await store.StepsAsync(documentId, CancellationToken.None))[0];

        Assert.NotNull(await store.ResendAsync(step.Id, TimeSpan.FromDays(3), "operator", clock.GetUtcNow(), CancellationToken.None));

        Assert.False(await OpensAsync(lost));
        Assert.True((await store.FindByTokenAsync(ApprovalTokens.Hash(lost)!, CancellationToken.None)).Retired);
    }

    private async Task<Guid> AskedAsync()
    {
        var id = await TestDocuments.InsertAsync(database, config);
        await store.StartAsync(id, ApprovalRoutes.Plan(options.Routes[0]), askAll: false, TimeSpan.FromDays(3), clock.GetUtcNow(), CancellationToken.None);
        return id;
    }

    private Task<Guid> UnsentAsync(Guid documentId) =>
        database.ScalarAsync<Guid>($"SELECT id FROM worker.outbox WHERE document_id = '{documentId}' AND sent_at IS NULL ORDER BY created_at LIMIT 1");

    private async Task<Guid> AddReminderAsync(Guid documentId)
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsync(
            $"""
            INSERT INTO worker.outbox (id, key, kind, document_id, step_id, recipient, created_at)
            SELECT '{id}', 'reminder:{id}', 'Reminder', document_id, step_id, recipient, now() FROM worker.outbox WHERE document_id = '{documentId}' LIMIT 1
            """);
        return id;
    }

    // Claims the row, gives it a new link and records it sent, as the mail job does around a successful send.
    private async Task<string> SendAsync(Guid row)
    {
        var token = ApprovalTokens.New();
        await using var claim = (await outbox.ClaimAsync(row, CancellationToken.None))!;
        await claim.IssueTokenAsync(ApprovalTokens.Hash(token)!, clock.GetUtcNow(), CancellationToken.None);
        await claim.CompleteAsync($"<{row}@test>", clock.GetUtcNow(), CancellationToken.None);
        return token;
    }

    private async Task<bool> OpensAsync(string token) =>
        await ApprovalEndpoints.LookupAsync(token, store, clock, CancellationToken.None) is (LinkStatus.Active, _);
}
