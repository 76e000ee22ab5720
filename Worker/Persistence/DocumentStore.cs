using Npgsql;

namespace Worker.Persistence;

/// <summary>The documents table as intake sees it: record a claimed file once (its hand-off to approval committed with it), find duplicates.</summary>
public sealed class DocumentStore(AuditLog audit, TimeProvider clock)
{
    /// <summary>Who intake's audit events name as the actor.</summary>
    public const string Actor = "worker";

    /// <summary>
    /// Records the document unless its id is already there (a resumed claim), in one transaction with its audit event.
    /// A fine file whose content is already open or filed on the route becomes Duplicate, with <paramref name="duplicateNote"/> as its error.
    /// </summary>
    public async Task<RecordedDocument> RecordAsync(
        NpgsqlConnection connection, NewDocument d, Func<DocumentRecord, string> duplicateNote, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await FindAsync(connection, tx, d.Id, ct) is { } existing) return existing;

        var transition = d.Problem is null ? Lifecycle.Receive : Lifecycle.RefuseInvalid;
        var error = d.Problem;
        DocumentRecord? earlier = null;
        if (transition == Lifecycle.Receive)
        {
            earlier = await FindOpenWithSameContentAsync(connection, tx, d.Route, d.Sha256, ct);
            if (earlier is not null)
            {
                transition = Lifecycle.MarkDuplicate;
                error = duplicateNote(earlier);
            }
        }
        var state = transition.To;

        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO worker.documents
                (id, route, state, source_name, size_bytes, sha256, page_count, title, number, submitter_email, note, content_path, error, api_client)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (id) DO NOTHING
            """, connection, tx))
        {
            insert.Parameters.AddWithValue(d.Id);
            insert.Parameters.AddWithValue(d.Route);
            insert.Parameters.AddWithValue(state.ToString());
            insert.Parameters.AddWithValue(d.SourceName);
            insert.Parameters.AddWithValue(d.SizeBytes);
            insert.Parameters.AddWithValue(d.Sha256);
            insert.Parameters.AddWithValue(d.PageCount.HasValue ? d.PageCount.Value : DBNull.Value);
            insert.Parameters.AddWithValue(d.Title);
            insert.Parameters.AddWithValue((object?)d.Number ?? DBNull.Value);
            insert.Parameters.AddWithValue((object?)d.SubmitterEmail ?? DBNull.Value);
            insert.Parameters.AddWithValue((object?)d.Note ?? DBNull.Value);
            insert.Parameters.AddWithValue((object?)d.ContentPath ?? DBNull.Value);
            insert.Parameters.AddWithValue((object?)error ?? DBNull.Value);
            insert.Parameters.AddWithValue((object?)d.ApiClient ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(ct);
        }

        var detail = $"{d.SourceName} ({d.SizeBytes} bytes, sha256 {d.Sha256})"
                     + (earlier is null ? "" : $"; same content as {earlier.Id} ({earlier.State})")
                     + (error is null || earlier is not null ? "" : $": {error.ReplaceLineEndings(" / ")}");
        // An uploaded document names the application that sent it; a dropped file has only the worker to name.
        var actor = d.ApiClient is null ? Actor : $"api:{d.ApiClient}";
        // Whoever dropped a refused file hears why, once (the key is per document), in the same transaction as the refusal.
        var notify = string.IsNullOrWhiteSpace(d.SubmitterEmail) ? d.NotifyOnRefusal : d.SubmitterEmail;
        Guid[] mail = state is DocumentState.Invalid or DocumentState.Duplicate && d.ApiClient is null && !string.IsNullOrWhiteSpace(notify)
            ? [await OutboxSql.AddAsync(connection, tx, $"refused:{d.Id}", MailKind.Refused, d.Id, null, notify.Trim(), clock.GetUtcNow(), ct)]
            : [];
        await LifecycleSql.ApplyAsync(connection, tx, audit, new LifecycleStep
        {
            DocumentId = d.Id, Transition = transition, Actor = actor, Detail = detail, Source = Environment.MachineName, At = clock.GetUtcNow(),
            Mail = mail,
        }, ct);
        if (d.Normalised is not null)
            await audit.AppendAsync(connection, tx, audit.Event(d.Id, Actor, "normalised", d.Normalised, Environment.MachineName), ct);
        await LifecycleSql.CommitAsync(tx, ct);
        return new RecordedDocument(d.Id, state, error, Inserted: true);
    }

    /// <summary>The document with this id, or null.</summary>
    public async Task<RecordedDocument?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        await FindAsync(connection, null, id, ct);

    private static async Task<RecordedDocument?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct) =>
        await DocumentRecord.FindAsync(connection, tx, id, ct) is { } d ? new RecordedDocument(d.Id, d.State, d.Error, Inserted: false) : null;

    private static async Task<DocumentRecord?> FindOpenWithSameContentAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string route, string sha256, CancellationToken ct)
    {
        // Two workers recording the same bytes at once: the second waits here, then sees the first.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, tx))
        {
            lockCommand.Parameters.AddWithValue($"intake:{route}:{sha256}");
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        // Open means not ended, or Filed: the same bytes filed once are not signed again.
        return await Sql.FirstAsync(connection, tx, ct, r => DocumentRecord.Read(r),
            $"""
            SELECT {DocumentRecord.Columns} FROM worker.documents d
            WHERE d.route = $1 AND d.sha256 = $2 AND d.state <> ALL ($3)
            ORDER BY d.received_at DESC LIMIT 1
            """, route, sha256, Lifecycle.Ended.Where(s => s != DocumentState.Filed).Select(s => s.ToString()).ToArray());
    }
}
