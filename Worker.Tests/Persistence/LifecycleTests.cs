using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Persistence;

/// <summary>The lifecycle table against an independent statement of the rules, and every transition tried from every state on the database.</summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    // The rules as DESIGN.md states them, written out by hand: name -> (from-states, to-state). "-" is a document being recorded.
    private static readonly Dictionary<string, (string[] From, string To)> Expected = new()
    {
        ["receive"] = (["-"], "Received"),
        ["refuse-invalid"] = (["-"], "Invalid"),
        ["mark-duplicate"] = (["-"], "Duplicate"),
        ["ask-approvers"] = (["Received"], "AwaitingApproval"),
        ["fail-without-route"] = (["Received"], "Failed"),
        ["approve"] = (["AwaitingApproval"], "Approved"),
        ["reject"] = (["AwaitingApproval"], "Declined"),
        ["expire"] = (["AwaitingApproval"], "Expired"),
        ["file"] = (["Approved"], "Filed"),
        ["fail-signing"] = (["Approved"], "Failed"),
        ["cancel"] = (["Received", "AwaitingApproval", "Failed"], "Declined"),
        ["retry-signing"] = (["Failed", "Approved"], "Approved"),
        ["resume-requeued"] = (["Failed"], "Approved"),
        ["retry-hand-off"] = (["Received"], "Received"),
        ["refile-declined"] = (["Declined"], "Declined"),
        ["refile-expired"] = (["Expired"], "Expired"),
    };

    private readonly TestDatabase database = new();
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public void All_ListsExactlyTheAllowedTransitions_WhenComparedWithTheRulesWrittenOut()
    {
        var actual = Lifecycle.All.ToDictionary(t => t.Name,
            t => (From: t.From.Count == 0 ? "-" : string.Join(",", t.From.Order()), To: t.To.ToString()));
        var expected = Expected.ToDictionary(e => e.Key,
            e => (From: string.Join(",", e.Value.From.Select(f => f == "-" ? f : Enum.Parse<DocumentState>(f).ToString())
                .OrderBy(f => f == "-" ? -1 : (int)Enum.Parse<DocumentState>(f))), e.Value.To));
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }

    [Fact]
    public void EndedAndFinal_AreDistinct_WhenFailedCanStillBeRetriedByAnOperator()
    {
        Assert.Equal(["Filed", "Declined", "Expired", "Invalid", "Duplicate"], Lifecycle.Final.Order().Select(s => s.ToString()));
        Assert.Equal(["Filed", "Declined", "Expired", "Invalid", "Duplicate", "Failed"], Lifecycle.Ended.Order().Select(s => s.ToString()));
        Assert.DoesNotContain(DocumentState.Failed, Lifecycle.Final);
    }

    [Fact]
    public async Task ApplyAsync_ChangesStateWithAuditAndFollowUps_OnlyFromTheAllowedStates()
    {
        var wrong = new List<string>();
        foreach (var transition in Lifecycle.All.Where(t => t.From.Count > 0))
        foreach (var from in Enum.GetValues<DocumentState>().Select(s => (DocumentState?)s).Append(null))
        {
            var id = Guid.NewGuid();
            if (from is { } state) await InsertAsync(id, state);
            var allowed = from is { } f && Expected[transition.Name].From.Contains(f.ToString());
            bool applied;
            await using (var c = await dataSource.OpenConnectionAsync())
            await using (var t = await c.BeginTransactionAsync())
            {
                applied = await LifecycleSql.ApplyAsync(c, t, new AuditLog(dataSource, TimeProvider.System), new LifecycleStep
                {
                    DocumentId = id, Transition = transition, Actor = "test", At = DateTimeOffset.UtcNow, Mail = [Guid.NewGuid()],
                }, CancellationToken.None);
                await t.CommitAsync();
            }
            var stateAfter = await database.ScalarAsync<string>($"SELECT state FROM worker.documents WHERE id = '{id}'");
            var audited = await database.ScalarAsync<string>($"SELECT string_agg(action, ',') FROM worker.audit_events WHERE document_id = '{id}'");
            var followUps = await database.ScalarAsync<string>(
                $"SELECT coalesce(string_agg(kind, ',' ORDER BY seq), '') FROM worker.follow_ups WHERE document_id = '{id}'");
            var expectFollowUps = string.Join(",", transition.FollowUps.Select(k => k.ToString()).Append(nameof(FollowUp.DeliverMail)));
            var ok = allowed
                ? applied && stateAfter == Expected[transition.Name].To && audited == transition.AuditAction && followUps == expectFollowUps
                : !applied && stateAfter == from?.ToString() && audited is null && followUps == "";
            if (!ok)
                wrong.Add($"{transition.Name} from {from?.ToString() ?? "(none)"}: applied {applied}, state {stateAfter}, audit {audited}, follow-ups {followUps}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task StateColumn_RefusesAnUnknownState_AndTakesEveryKnownOne()
    {
        foreach (var state in Enum.GetValues<DocumentState>()) await InsertAsync(Guid.NewGuid(), state);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(Guid.NewGuid(), "Signed"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
    }

    private Task InsertAsync(Guid id, DocumentState state) => InsertAsync(id, state.ToString());

    private Task InsertAsync(Guid id, string state) => database.ExecuteAsync(
        $"""
        INSERT INTO worker.documents (id, route, state, source_name, size_bytes, sha256, title)
        VALUES ('{id}', 'surat-keluar', '{state}', 'a.pdf', 1, '{new string('0', 64)}', 'a')
        """);
}
