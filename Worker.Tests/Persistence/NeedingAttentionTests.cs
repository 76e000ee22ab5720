using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Persistence;

/// <summary>The dashboard's Needs attention list on the real database: every row is something an operator can move on.</summary>
public sealed class NeedingAttentionTests : IAsyncLifetime
{
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
    public async Task NeedingAttention_ListsAFiledDocumentWhoseMailWasNeverSent_AndNotOneWhoseMailWent()
    {
        var stranded = await DocumentAsync("Filed");
        await MailAsync(stranded, sent: false, age: "1 hour");
        var delivered = await DocumentAsync("Filed");
        await MailAsync(delivered, sent: true, age: "1 hour");
        var young = await DocumentAsync("Filed");
        await MailAsync(young, sent: false, age: "1 minute");
        var cancelled = await DocumentAsync("Filed");
        await MailAsync(cancelled, sent: false, age: "1 hour", state: "Cancelled");

        var listed = await ListedAsync();

        Assert.Contains(stranded, listed);
        Assert.DoesNotContain(delivered, listed);
        Assert.DoesNotContain(young, listed);
        Assert.DoesNotContain(cancelled, listed);
    }

    [Fact]
    public async Task NeedingAttention_ListsStuckAndFailedDocuments_AndLeavesRecentAndFinishedOnesOut()
    {
        var failed = await DocumentAsync("Failed", age: "1 minute");
        var stuckApproved = await DocumentAsync("Approved");
        var stuckReceived = await DocumentAsync("Received");
        var declinedWithoutCopy = await DocumentAsync("Declined");
        var recentApproved = await DocumentAsync("Approved", age: "1 minute");
        var waiting = await DocumentAsync("AwaitingApproval");
        var filed = await DocumentAsync("Filed");

        var listed = await ListedAsync();

        Assert.Superset(new HashSet<Guid> { failed, stuckApproved, stuckReceived, declinedWithoutCopy }, listed.ToHashSet());
        Assert.DoesNotContain(recentApproved, listed);
        Assert.DoesNotContain(waiting, listed);
        Assert.DoesNotContain(filed, listed);
    }

    private async Task<List<Guid>> ListedAsync() =>
        [.. (await new DocumentQueries(dataSource).NeedingAttentionAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Select(d => d.Id)];

    private async Task<Guid> DocumentAsync(string state, string age = "1 hour")
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsync(
            $"""
            INSERT INTO worker.documents (id, route, state, source_name, size_bytes, sha256, title, updated_at)
            VALUES ('{id}', 'surat-keluar', '{state}', 'a.pdf', 1, '{new string('0', 64)}', 'a', now() - interval '{age}')
            """);
        return id;
    }

    private Task MailAsync(Guid document, bool sent, string age, string? state = null) => database.ExecuteAsync(
        $"""
        INSERT INTO worker.outbox (id, key, kind, document_id, recipient, created_at, sent_at{(state is null ? "" : ", state")})
        VALUES (gen_random_uuid(), 'filed:{document}', 'Filed', '{document}', 'staf@example.go.id', now() - interval '{age}',
                {(sent ? "now()" : "NULL")}{(state is null ? "" : $", '{state}'")})
        """);
}
