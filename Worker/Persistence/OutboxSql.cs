using Npgsql;

namespace Worker.Persistence;

/// <summary>Adding outbox rows inside the caller's transaction.</summary>
internal static class OutboxSql
{
    /// <summary>Adds a row unless one with the same key exists; returns the row's id either way.</summary>
    public static async Task<Guid> AddAsync(NpgsqlConnection c, NpgsqlTransaction t, string key, string kind, Guid documentId, Guid? stepId,
        string recipient, DateTimeOffset now, CancellationToken ct)
    {
        await Sql.ExecuteAsync(c, t, ct,
            """
            INSERT INTO worker.outbox (id, key, kind, document_id, step_id, recipient, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING
            """, Guid.NewGuid(), key, kind, documentId, stepId, recipient, now);
        await using var select = Sql.Command(c, t, "SELECT id FROM worker.outbox WHERE key = $1", key);
        return (Guid)(await select.ExecuteScalarAsync(ct))!;
    }
}
