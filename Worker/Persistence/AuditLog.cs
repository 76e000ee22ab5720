using Npgsql;

namespace Worker.Persistence;

/// <summary>Appends to and checks the hash-chained audit trail.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, TimeProvider clock)
{
    // Appends are serialised so each event sees the hash of the one before it.
    private const long AppendLock = 0x5349474E_41554401;

    /// <summary>Appends inside the caller's transaction, so the event commits with the change it describes.</summary>
    public async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEvent e, CancellationToken ct)
    {
        e = e with { At = AuditChain.Truncate(e.At) };
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AppendLock})", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(ct);
        byte[] previous;
        await using (var last = new NpgsqlCommand("SELECT hash FROM worker.audit_events ORDER BY seq DESC LIMIT 1", connection, transaction))
            previous = await last.ExecuteScalarAsync(ct) as byte[] ?? AuditChain.Genesis;
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO worker.audit_events (at, document_id, actor, action, detail, source, prev_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, connection, transaction);
        insert.Parameters.AddWithValue(e.At.UtcDateTime);
        insert.Parameters.AddWithValue(e.DocumentId.HasValue ? e.DocumentId.Value : DBNull.Value);
        insert.Parameters.AddWithValue(e.Actor);
        insert.Parameters.AddWithValue(e.Action);
        insert.Parameters.AddWithValue(e.Detail);
        insert.Parameters.AddWithValue(e.Source);
        insert.Parameters.AddWithValue(previous);
        insert.Parameters.AddWithValue(AuditChain.Hash(previous, e));
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Appends in a transaction of its own.</summary>
    public async Task AppendAsync(AuditEvent e, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await AppendAsync(connection, transaction, e, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A new event stamped now.</summary>
    public AuditEvent Event(Guid? documentId, string actor, string action, string detail = "", string source = "") =>
        new() { At = clock.GetUtcNow(), DocumentId = documentId, Actor = actor, Action = action, Detail = detail, Source = source };

    /// <summary>Walks the whole chain and reports how many events held and the first broken one, if any.</summary>
    public async Task<AuditCheck> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT seq, at, document_id, actor, action, detail, source, prev_hash, hash FROM worker.audit_events ORDER BY seq", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var previous = AuditChain.Genesis;
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            var seq = reader.GetInt64(0);
            var e = new AuditEvent
            {
                At = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)),
                DocumentId = reader.IsDBNull(2) ? null : reader.GetGuid(2),
                Actor = reader.GetString(3), Action = reader.GetString(4), Detail = reader.GetString(5), Source = reader.GetString(6),
            };
            var storedPrevious = (byte[])reader[7];
            var stored = (byte[])reader[8];
            if (!storedPrevious.AsSpan().SequenceEqual(previous))
                return new AuditCheck(count, new AuditBreak(seq, count, "its previous-hash does not match the event before it (an event was removed or reordered)"));
            if (!stored.AsSpan().SequenceEqual(AuditChain.Hash(previous, e)))
                return new AuditCheck(count, new AuditBreak(seq, count, "its content does not match its hash (the event was altered)"));
            previous = stored;
            count++;
        }
        return new AuditCheck(count, null);
    }
}
