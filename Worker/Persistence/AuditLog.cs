using Npgsql;

namespace Worker.Persistence;

/// <summary>Appends to and checks the hash-chained audit trail; with a head file, also records the trail's head outside the database.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, TimeProvider clock, AuditHeadFile? headFile = null)
{
    // Appends are serialised so each event sees the hash of the one before it.
    private const long AppendLock = 0x5349474E_41554401;

    /// <summary>Appends inside the caller's transaction, so the event commits with the change it describes.</summary>
    public async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEvent e, CancellationToken ct)
    {
        e = e with { At = AuditChain.Truncate(e.At) };
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AppendLock})", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(ct);
        // Under the lock the newest row is committed (its writer has finished), so it is safe to record as the head.
        var head = await ReadHeadAsync(connection, transaction, ct);
        var previous = head?.Hash ?? AuditChain.Genesis;
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
        if (head is not null) headFile?.TryRecord(head);
    }

    /// <summary>Records the committed head now; the worker calls it every few seconds, so the newest event is covered too.</summary>
    public async Task RecordHeadAsync(CancellationToken ct)
    {
        if (headFile is null) return;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await ReadHeadAsync(connection, null, ct) is { } head) headFile.Record(head);
    }

    private static async Task<AuditHead?> ReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        await using var last = new NpgsqlCommand("SELECT seq, hash FROM worker.audit_events ORDER BY seq DESC LIMIT 1", connection, transaction);
        await using var reader = await last.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new AuditHead(reader.GetInt64(0), (byte[])reader[1]) : null;
    }

    /// <summary>Appends in a transaction of its own.</summary>
    public async Task AppendAsync(AuditEvent e, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await AppendAsync(connection, transaction, e, ct);
        await transaction.CommitAsync(ct);
        if (headFile is not null && await ReadHeadAsync(connection, null, ct) is { } head) headFile.TryRecord(head);
    }

    /// <summary>A new event stamped now.</summary>
    public AuditEvent Event(Guid? documentId, string actor, string action, string detail = "", string source = "") =>
        new() { At = clock.GetUtcNow(), DocumentId = documentId, Actor = actor, Action = action, Detail = detail, Source = source };

    /// <summary>
    /// Walks the whole chain and reports how many events held and the first broken one, if any; with a head file, the
    /// recorded head must be in the chain (a trail that ends before it was cut).
    /// </summary>
    public async Task<AuditCheck> VerifyAsync(CancellationToken ct)
    {
        AuditHead? recorded;
        try { recorded = headFile?.Read(); }
        catch (InvalidDataException x) { return new AuditCheck(0, new AuditBreak(0, 0, x.Message)); }
        var headSeen = false;
        long lastSeq = 0;
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
            if (recorded is not null && seq == recorded.Seq)
            {
                if (!stored.AsSpan().SequenceEqual(recorded.Hash))
                    return new AuditCheck(count, new AuditBreak(seq, count, $"its hash is not the one recorded in {headFile!.Path} (the chain was rewritten)"));
                headSeen = true;
            }
            previous = stored;
            lastSeq = seq;
            count++;
        }
        if (recorded is not null && !headSeen)
            return new AuditCheck(count, new AuditBreak(recorded.Seq, count, recorded.Seq > lastSeq
                ? $"the trail ends at event {lastSeq}, but event {recorded.Seq} was recorded as written in {headFile!.Path} (the newest events were removed)"
                : $"it is missing, though {headFile!.Path} records it as written (events were removed)"));
        return new AuditCheck(count, null) { HeadChecked = recorded is not null };
    }
}
