using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Worker.Approval;
using Worker.Configuration;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>
/// Who is asked, on the real database with a fake clock: kadis is away Tuesday 12 and Wednesday 13 August 2025 (WITA) with
/// sekdis as Plh. (from Worker:Delegations); the window ends Thursday 14 August 00:00 WITA.
/// </summary>
public sealed class DelegationRoutingTests : IAsyncLifetime
{
    private const string Official = "kadis@example.go.id";
    private const string Deputy = "sekdis@example.go.id";
    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset WindowEnd = new(2025, 8, 14, 0, 0, 0, Wita);
    private readonly TestDatabase database = new();
    private readonly FakeClock clock = new(new DateTimeOffset(2025, 8, 12, 10, 0, 0, Wita));
    private TestConfig config = null!;
    private NpgsqlDataSource dataSource = null!;
    private WorkerOptions options = null!;
    private ConfiguredDelegations configured = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        config = new TestConfig(database.ConnectionString);
        config.Worker["Signers"]!["sekdis"] = config.Worker["Signers"]!["demo"]!.DeepClone();
        config.Worker["Delegations"] = new JsonArray(new JsonObject
        {
            ["Approver"] = Official, ["From"] = "2025-08-12", ["To"] = "2025-08-13", ["Kind"] = "Plh",
            ["Deputy"] = new JsonObject { ["Email"] = Deputy, ["Name"] = "Andi Mappa", ["Position"] = "Sekretaris", ["Signer"] = "sekdis", ["Nip"] = "198001012005011001" },
        });
        options = WorkerConfiguration.Load(WorkerConfiguration.Build(config.Write()));
        configured = DelegationBook.Configured(options);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        config.Dispose();
        await database.DisposeAsync();
    }

    private AuditLog Audit() => new(dataSource, clock);

    private DelegationStore Delegations() => new(dataSource, Audit(), configured);

    private async Task<Guid> StartAsync()
    {
        var id = await TestDocuments.InsertAsync(database, config);
        await new ApprovalStore(dataSource, Audit(), configured).StartAsync(
            id, ApprovalRoutes.Plan(options.Routes[0]), askAll: false, TimeSpan.FromDays(3), clock.GetUtcNow(), CancellationToken.None);
        return id;
    }

    private Task<string?> StepAsync(Guid id, string column) =>
        database.ScalarAsync<string>($"SELECT {column}::text FROM worker.approval_steps WHERE document_id = '{id}'");

    private Task<string?> OutboxAsync(Guid id, string kind) =>
        database.ScalarAsync<string>($"SELECT string_agg(recipient, ',' ORDER BY created_at) FROM worker.outbox WHERE document_id = '{id}' AND kind = '{kind}'");

    /// <summary>Gives the step a link as delivery would, and returns its hash.</summary>
    private async Task<byte[]> IssueLinkAsync(Guid id)
    {
        var hash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));
        await database.ExecuteAsync($"UPDATE worker.approval_steps SET token_sha256 = '\\x{Convert.ToHexStringLower(hash)}', email_state = 'Sent', email_sent_at = now() WHERE document_id = '{id}'");
        return hash;
    }

    private Task<DecisionResult?> ApproveAsync(byte[] hash) => new DecisionStore(dataSource, Audit(), configured).DecideAsync(new Decision
    {
        TokenSha256 = hash, Approve = true, Ip = "127.0.0.1", UserAgent = "test", At = clock.GetUtcNow(),
        NextExpiry = TimeSpan.FromDays(3), NotifyOnDecline = "",
    }, CancellationToken.None);

    [Fact]
    public async Task StartAsync_AsksTheDeputyWithACopyToTheOfficial_WhenInsideTheWindow()
    {
        var id = await StartAsync();

        Assert.Equal(Deputy, await StepAsync(id, "approver_email"));
        Assert.Equal("Andi Mappa", await StepAsync(id, "approver_name"));
        Assert.Equal("Plh. Kepala Dinas", await StepAsync(id, "approver_position"));
        Assert.Equal("sekdis", await StepAsync(id, "signer"));
        Assert.Equal(Official, await StepAsync(id, "on_behalf_email"));
        Assert.Equal("198001012005011001", await StepAsync(id, "deputy_nip"));
        Assert.Equal(Deputy, await OutboxAsync(id, "Invite"));
        Assert.Equal(Official, await OutboxAsync(id, "DelegatedCopy"));
        // Three days of expiry would outlast the window: the deputy's link ends with it.
        Assert.Equal(WindowEnd.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), await database.ScalarAsync<string>(
            $"SELECT to_char(token_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM worker.approval_steps WHERE document_id = '{id}'"));
        Assert.Contains("on behalf of kadis@example.go.id (Plh",
            await database.ScalarAsync<string>($"SELECT detail FROM worker.audit_events WHERE document_id = '{id}' AND action = 'delegated'"));
    }

    [Theory]
    [InlineData(11, 23, 59)] // the evening before
    [InlineData(14, 0, 0)] // the first moment after the last day
    public async Task StartAsync_AsksTheOfficial_WhenOutsideTheWindow(int day, int hour, int minute)
    {
        clock.Now = new DateTimeOffset(2025, 8, day, hour, minute, 0, Wita);
        var id = await StartAsync();

        Assert.Equal(Official, await StepAsync(id, "approver_email"));
        Assert.Equal("Kepala Dinas", await StepAsync(id, "approver_position"));
        Assert.Null(await StepAsync(id, "on_behalf_email"));
        Assert.Null(await OutboxAsync(id, "DelegatedCopy"));
    }

    [Fact]
    public async Task StartAsync_AsksTheOperatorsDeputy_WhenATableRowOverlapsTheConfiguredOne()
    {
        await Delegations().AddAsync(new Delegation
        {
            ApproverEmail = Official, DeputyEmail = "kabid@example.go.id", DeputyName = "Baso Lolo", DeputyPosition = "Kepala Bidang",
            DeputySigner = "demo", Kind = "an", StartsAt = clock.GetUtcNow().AddHours(-1), EndsAt = WindowEnd, CreatedBy = "operator",
        }, "test", clock.GetUtcNow(), CancellationToken.None);

        var id = await StartAsync();

        Assert.Equal("kabid@example.go.id", await StepAsync(id, "approver_email"));
        Assert.Equal("a.n. Kepala Dinas, Kepala Bidang", await StepAsync(id, "approver_position"));
    }

    [Fact]
    public async Task EndAsync_StopsRoutingAndTheDeputysLinkAtOnce_AndHandsTheStepBack()
    {
        var delegations = Delegations();
        var delegationId = await delegations.AddAsync(new Delegation
        {
            ApproverEmail = "sekda@example.go.id", DeputyEmail = "asisten@example.go.id", DeputyName = "Asisten I", DeputyPosition = "Asisten",
            DeputySigner = "demo", Kind = "Plt", StartsAt = clock.GetUtcNow().AddDays(-1), EndsAt = clock.GetUtcNow().AddDays(10), CreatedBy = "operator",
        }, "test", clock.GetUtcNow(), CancellationToken.None);
        config.Route["Approvers"]![0]!["Email"] = "sekda@example.go.id";
        options = WorkerConfiguration.Load(WorkerConfiguration.Build(config.Write()));
        var id = await StartAsync();
        Assert.Equal("asisten@example.go.id", await StepAsync(id, "approver_email"));
        var link = await IssueLinkAsync(id);

        clock.Now += TimeSpan.FromMinutes(5);
        var back = await delegations.EndAsync(delegationId, "operator", "test", clock.GetUtcNow(), CancellationToken.None);

        Assert.Single(back!);
        Assert.False((await ApproveAsync(link))!.Recorded); // the deputy's link decides nothing once the delegation ended
        Assert.NotNull(await delegations.HandBackAsync(back![0].StepId, TimeSpan.FromDays(3), clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal("sekda@example.go.id", await StepAsync(id, "approver_email"));
        Assert.Equal("Waiting", await StepAsync(id, "state"));
        Assert.Contains("sekda@example.go.id", await OutboxAsync(id, "Invite"));
        Assert.Null(await ApproveAsync(link)); // the old link was retired, not reused
        var next = await StartAsync(); // an ended delegation routes nothing new
        Assert.Equal("sekda@example.go.id", await StepAsync(next, "approver_email"));
        Assert.Null(await delegations.EndAsync(delegationId, "operator", "test", clock.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task Sweep_HandsTheDeputysStepBackToTheOfficial_WhenTheWindowIsOver()
    {
        var id = await StartAsync();
        await IssueLinkAsync(id);

        clock.Now = new DateTimeOffset(2025, 8, 14, 8, 0, 0, Wita); // Thursday, office hours
        var sweep = new ApprovalSweep(new ApprovalSweepStore(dataSource, Audit()), Delegations(), new RouteBook(options), Options.Create(options.OfficeHours), clock,
            NullLogger<ApprovalSweep>.Instance);
        await sweep.RunAsync(CancellationToken.None);

        Assert.Equal("AwaitingApproval", await database.ScalarAsync<string>($"SELECT state FROM worker.documents WHERE id = '{id}'"));
        Assert.Equal(Official, await StepAsync(id, "approver_email"));
        Assert.Equal("Kepala Dinas", await StepAsync(id, "approver_position"));
        Assert.Equal("demo", await StepAsync(id, "signer"));
        Assert.Equal($"{Deputy},{Official}", await OutboxAsync(id, "Invite"));
        Assert.Contains("new link for kadis@example.go.id",
            await database.ScalarAsync<string>($"SELECT detail FROM worker.audit_events WHERE document_id = '{id}' AND action = 'delegation-over'"));
    }

    [Fact]
    public async Task Approve_RecordsTheDeputyOnBehalfOfTheOfficial_AndARequestSentBeforeTheWindowKeepsItsApprover()
    {
        var id = await StartAsync();
        var result = await ApproveAsync(await IssueLinkAsync(id));
        Assert.True(result!.DocumentApproved);
        Assert.Equal("step 1 (Plh) on behalf of kadis@example.go.id", await database.ScalarAsync<string>(
            $"SELECT detail FROM worker.audit_events WHERE document_id = '{id}' AND action = 'approved' AND actor = '{Deputy}'"));

        clock.Now = new DateTimeOffset(2025, 8, 11, 15, 0, 0, Wita); // Monday, before the window
        var earlier = await StartAsync();
        await IssueLinkAsync(earlier);
        clock.Now = new DateTimeOffset(2025, 8, 12, 10, 0, 0, Wita);
        var sweep = new ApprovalSweep(new ApprovalSweepStore(dataSource, Audit()), Delegations(), new RouteBook(options), Options.Create(options.OfficeHours), clock,
            NullLogger<ApprovalSweep>.Instance);
        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal(Official, await StepAsync(earlier, "approver_email"));
    }
}
