using Npgsql;

namespace Worker.Persistence;

/// <summary>Statements on steps shared by the stores, always inside the caller's transaction.</summary>
internal static class StepSql
{
    public const string StepAndDocument =
        $"SELECT {ApprovalStep.Columns}, {DocumentRecord.Columns} FROM worker.approval_steps s JOIN worker.documents d ON d.id = s.document_id";

    public static (ApprovalStep Step, DocumentRecord Document) ReadPair(NpgsqlDataReader r) =>
        (ApprovalStep.Read(r), DocumentRecord.Read(r, ApprovalStep.Count));

    /// <summary>Locks a step and its document (in that order, everywhere) so decisions on one document happen one at a time.</summary>
    public static async Task<(ApprovalStep Step, DocumentRecord Document)?> LockAsync(
        NpgsqlConnection c, NpgsqlTransaction t, string where, object value, CancellationToken ct)
    {
        var rows = await Sql.ListAsync(c, t, ct, ReadPair, $"{StepAndDocument} WHERE {where} FOR UPDATE OF s, d", value);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Marks a step asked and queues its link email, to the official's deputy while a delegation is in force (with a copy of the
    /// notice, without a link, to the official); returns the outbox rows. A deputy's link ends with the delegation at the latest.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> AskAsync(NpgsqlConnection c, NpgsqlTransaction t, AuditLog audit, ConfiguredDelegations delegations,
        ApprovalStep step, TimeSpan expiry, DateTimeOffset now, string key, CancellationToken ct)
    {
        var delegated = await DelegationSql.RouteAsync(c, t, step.Id, delegations, now, ct);
        var expires = delegated is { } d && d.EndsAt < now + expiry ? d.EndsAt : now + expiry;
        await Sql.ExecuteAsync(c, t, ct,
            """
            UPDATE worker.approval_steps SET state = 'Waiting', asked_at = $2, token_expires_at = $3,
                email_state = 'NotSent', email_attempts = 0, email_last_error = NULL, email_sent_at = NULL,
                reminders_sent = 0, last_reminder_at = NULL
            WHERE id = $1
            """, step.Id, now, expires);
        var asked = (await ReadAsync(c, t, step.Id, ct))!;
        var outbox = new List<Guid> { await OutboxSql.AddAsync(c, t, key, MailKind.Invite, step.DocumentId, step.Id, asked.ApproverEmail, now, ct) };
        if (delegated is null) return outbox;
        outbox.Add(await OutboxSql.AddAsync(c, t, $"copy:{key}", MailKind.DelegatedCopy, step.DocumentId, step.Id, delegated.OnBehalfEmail, now, ct));
        await audit.AppendAsync(c, t, audit.Event(step.DocumentId, "worker", "delegated",
            $"step {step.Position}: asked {asked.ApproverEmail} ({asked.ApproverPosition}) on behalf of {delegated.OnBehalfEmail} " +
            $"({delegated.Kind}, until {delegated.EndsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC); copy to {delegated.OnBehalfEmail}"), ct);
        return outbox;
    }

    /// <summary>Ends every other open step of a document and drops their unsent links.</summary>
    public static async Task CancelOpenStepsAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid documentId, CancellationToken ct)
    {
        await Sql.ExecuteAsync(c, t, ct,
            "UPDATE worker.approval_steps SET state = 'Cancelled' WHERE document_id = $1 AND state IN ('Pending', 'Waiting')", documentId);
        await Sql.ExecuteAsync(c, t, ct,
            """
            UPDATE worker.outbox SET state = 'Cancelled'
            WHERE document_id = $1 AND sent_at IS NULL AND kind IN ('Invite', 'Reminder') AND state <> 'Cancelled'
            """, documentId);
    }

    /// <summary>Moves the current link hash to the retired list so it answers "replaced" instead of "unknown".</summary>
    public static Task RetireTokenAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid stepId, DateTimeOffset now, CancellationToken ct) =>
        Sql.ExecuteAsync(c, t, ct,
            """
            INSERT INTO worker.retired_tokens (token_sha256, step_id, retired_at)
            SELECT token_sha256, id, $2 FROM worker.approval_steps WHERE id = $1 AND token_sha256 IS NOT NULL
            UNION ALL
            SELECT pending_token_sha256, id, $2 FROM worker.approval_steps WHERE id = $1 AND pending_token_sha256 IS NOT NULL
            ON CONFLICT DO NOTHING
            """, stepId, now);

    public static Task<ApprovalStep?> ReadAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid stepId, CancellationToken ct) =>
        Sql.FirstAsync(c, t, ct, r => ApprovalStep.Read(r), $"SELECT {ApprovalStep.Columns} FROM worker.approval_steps s WHERE s.id = $1", stepId);
}
