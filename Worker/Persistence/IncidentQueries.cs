using Npgsql;

namespace Worker.Persistence;

/// <summary>The conditions operators hear about, read from the worker's tables: failed and stuck documents, mail that keeps failing.</summary>
public sealed class IncidentQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Documents in Failed.</summary>
    public Task<List<DocumentSummary>> FailedAsync(CancellationToken ct) => ListAsync("state = 'Failed'", [], ct);

    /// <summary>Documents waiting on the worker itself (Received, Approved) for longer than <paramref name="after"/>.</summary>
    public Task<List<DocumentSummary>> StuckAsync(TimeSpan after, DateTimeOffset now, CancellationToken ct) =>
        ListAsync("state IN ('Received', 'Approved') AND updated_at < $1", [now - after], ct);

    /// <summary>Emails not sent after <paramref name="attempts"/> tries or more: how many, and the newest error.</summary>
    public async Task<(long Count, string? Error)> FailingMailAsync(int attempts, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var rows = await Sql.ListAsync(c, null, ct, r => (r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1)),
            """
            SELECT count(*), (array_agg(last_error ORDER BY created_at DESC))[1] FROM worker.outbox
            WHERE sent_at IS NULL AND state = 'Failed' AND attempts >= $1
            """, attempts);
        return rows[0];
    }

    private async Task<List<DocumentSummary>> ListAsync(string where, object[] values, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.ListAsync(c, null, ct, DocumentSummary.Read,
            $"SELECT {DocumentSummary.Columns} FROM worker.documents d WHERE {where} ORDER BY updated_at LIMIT 200", values);
    }
}
