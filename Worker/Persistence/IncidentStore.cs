using Npgsql;

namespace Worker.Persistence;

/// <summary>
/// worker.incidents: opens an incident the first time its condition is seen, resolves it when the condition is gone, and hands
/// each opening and recovery mail to exactly one worker (taken by an UPDATE, given back when the send fails).
/// </summary>
public sealed class IncidentStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Makes the open incidents of one family (keys starting with <paramref name="prefix"/>) match <paramref name="active"/>:
    /// new keys open, open keys no longer active resolve. The unique index keeps two workers from opening the same one twice.
    /// </summary>
    public async Task SyncAsync(string prefix, IReadOnlyDictionary<string, string> active, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        foreach (var (key, summary) in active)
            await Sql.ExecuteAsync(c, null, ct,
                """
                INSERT INTO worker.incidents (id, key, summary, opened_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (key) WHERE resolved_at IS NULL DO NOTHING
                """, Guid.NewGuid(), key, summary, now);
        await Sql.ExecuteAsync(c, null, ct,
            "UPDATE worker.incidents SET resolved_at = $3 WHERE resolved_at IS NULL AND starts_with(key, $1) AND NOT (key = ANY ($2))",
            prefix, active.Keys.ToArray(), now);
    }

    /// <summary>
    /// Takes the mails nobody has sent yet: openings, and recoveries of incidents whose opening was mailed. A recovery whose
    /// opening was never mailed is closed silently: nobody heard of it, so nobody needs to hear it is over.
    /// </summary>
    public async Task<IReadOnlyList<Incident>> TakeUnmailedAsync(int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await Sql.ExecuteAsync(c, null, ct,
            "UPDATE worker.incidents SET opened_mailed = true, resolved_mailed = true WHERE resolved_at IS NOT NULL AND NOT opened_mailed");
        return await Sql.ListAsync(c, null, ct, Read,
            """
            UPDATE worker.incidents SET opened_mailed = true, resolved_mailed = (resolved_at IS NOT NULL)
            WHERE id IN (SELECT id FROM worker.incidents
                         WHERE NOT opened_mailed OR (resolved_at IS NOT NULL AND NOT resolved_mailed)
                         ORDER BY opened_at LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING id, key, summary, opened_at, resolved_at
            """, limit);
    }

    /// <summary>Gives a mail back after its send failed, so the next pass tries again.</summary>
    public async Task GiveBackAsync(Incident incident, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await Sql.ExecuteAsync(c, null, ct, incident.ResolvedAt is null
            ? "UPDATE worker.incidents SET opened_mailed = false WHERE id = $1"
            : "UPDATE worker.incidents SET resolved_mailed = false WHERE id = $1", incident.Id);
    }

    /// <summary>Keys of the open incidents, for the dashboard and tests.</summary>
    public async Task<IReadOnlyList<string>> OpenKeysAsync(CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.ListAsync(c, null, ct, r => r.GetString(0), "SELECT key FROM worker.incidents WHERE resolved_at IS NULL ORDER BY opened_at");
    }

    private static Incident Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4));
}
