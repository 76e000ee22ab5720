using Npgsql;

namespace Worker.Persistence;

/// <summary>Read-only queries behind the operators' pages, commands and metrics.</summary>
public sealed class DocumentQueries(NpgsqlDataSource dataSource)
{
    /// <summary>How long a document may sit in Received before operators are shown it as stuck.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyDictionary<string, long>> CountByStateAsync(string? route, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT state, count(*) FROM worker.documents WHERE ($1::text IS NULL OR route = $1) GROUP BY state");
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)route ?? DBNull.Value);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>Counts per (route, state).</summary>
    public async Task<IReadOnlyList<(string Route, string State, long Count)>> CountByRouteAndStateAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT route, state, count(*) FROM worker.documents GROUP BY route, state");
        var list = new List<(string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return list;
    }

    public async Task<long> CountFiledSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM worker.documents WHERE state = 'Filed' AND filed_at >= $1");
        command.Parameters.AddWithValue(since.UtcDateTime);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(string? route, string? state, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {DocumentSummary.Columns} FROM worker.documents d
            WHERE ($1::text IS NULL OR route = $1) AND ($2::text IS NULL OR state = $2)
            ORDER BY received_at DESC LIMIT $3
            """);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)route ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)state ?? DBNull.Value);
        command.Parameters.AddWithValue(limit);
        return await ReadSummariesAsync(command, ct);
    }

    /// <summary>
    /// What an operator can move on: Failed documents, and for longer than <see cref="StuckAfter"/> documents stuck in Received or
    /// Approved, Declined or Expired ones without their copy in declined/, and documents with an email that was never sent.
    /// </summary>
    public async Task<IReadOnlyList<DocumentSummary>> NeedingAttentionAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {DocumentSummary.Columns} FROM worker.documents d
            WHERE state = 'Failed' OR (state IN ('Received', 'Approved') AND updated_at < $1)
               OR (state IN ('Declined', 'Expired') AND declined_path IS NULL AND updated_at < $1)
               -- d.id, not id: inside the subquery a bare id is the outbox row's own.
               OR EXISTS (SELECT 1 FROM worker.outbox o WHERE o.document_id = d.id AND o.sent_at IS NULL AND o.state <> 'Cancelled' AND o.created_at < $1)
            ORDER BY updated_at DESC LIMIT 200
            """);
        command.Parameters.AddWithValue((now - StuckAfter).UtcDateTime);
        return await ReadSummariesAsync(command, ct);
    }

    /// <summary>How often the lifecycle sweep re-created lost work since <paramref name="since"/>.</summary>
    public async Task<long> SweepRecreatedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM worker.audit_events WHERE actor = $1 AND at >= $2");
        command.Parameters.AddWithValue(SweepStore.Actor);
        command.Parameters.AddWithValue(since.UtcDateTime);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlyList<PendingApproval>> AwaitingApprovalAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT d.id, d.title, d.route, s.approver_name || ' <' || s.approver_email || '>', s.asked_at, s.token_expires_at,
                   s.reminders_sent, s.email_state, s.email_last_error, s.id
            FROM worker.approval_steps s JOIN worker.documents d ON d.id = s.document_id
            WHERE s.state = 'Waiting' AND d.state = 'AwaitingApproval'
            ORDER BY s.asked_at NULLS FIRST LIMIT 500
            """);
        var list = new List<PendingApproval>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new PendingApproval
            {
                DocumentId = reader.GetGuid(0), Title = reader.GetString(1), Route = reader.GetString(2), Approver = reader.GetString(3),
                AskedAt = reader.IsDBNull(4) ? null : Utc(reader.GetDateTime(4)),
                ExpiresAt = reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5)),
                RemindersSent = reader.GetInt32(6), EmailState = reader.GetString(7),
                EmailError = reader.IsDBNull(8) ? null : reader.GetString(8), StepId = reader.GetGuid(9),
            });
        }
        return list;
    }

    public async Task<DocumentSummary?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {DocumentSummary.Columns} FROM worker.documents d WHERE d.id = $1");
        command.Parameters.AddWithValue(id);
        return (await ReadSummariesAsync(command, ct)).SingleOrDefault();
    }

    /// <summary>A document's audit events, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT seq, at, actor, action, detail, source FROM worker.audit_events WHERE document_id = $1 ORDER BY seq");
        command.Parameters.AddWithValue(id);
        var list = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new AuditEntry(reader.GetInt64(0), new AuditEvent
            {
                At = Utc(reader.GetDateTime(1)), DocumentId = id, Actor = reader.GetString(2), Action = reader.GetString(3),
                Detail = reader.GetString(4), Source = reader.GetString(5),
            }));
        }
        return list;
    }

    /// <summary>Hangfire jobs whose arguments name this document, newest first, as (job id, state).</summary>
    public async Task<IReadOnlyList<(long Id, string State)>> JobsAsync(Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, coalesce(statename, '') FROM hangfire.job WHERE arguments::text LIKE $1 ORDER BY id DESC LIMIT 50");
        command.Parameters.AddWithValue($"%{id}%");
        var list = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add((reader.GetInt64(0), reader.GetString(1)));
        return list;
    }

    private static async Task<IReadOnlyList<DocumentSummary>> ReadSummariesAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var list = new List<DocumentSummary>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(DocumentSummary.Read(reader));
        return list;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
