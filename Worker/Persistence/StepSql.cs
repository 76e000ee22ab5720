using Npgsql;

namespace Worker.Persistence;

/// <summary>Statements on steps shared by the stores, always inside the caller's transaction.</summary>
internal static class StepSql
{
    public const string StepAndDocument =
        $"SELECT {ApprovalStep.Columns}, {ApprovalDocument.Columns} FROM worker.approval_steps s JOIN worker.documents d ON d.id = s.document_id";

    public static (ApprovalStep Step, ApprovalDocument Document) ReadPair(NpgsqlDataReader r) =>
        (ApprovalStep.Read(r), ApprovalDocument.Read(r, 18));

    /// <summary>Locks a step and its document (in that order, everywhere) so decisions on one document happen one at a time.</summary>
    public static async Task<(ApprovalStep Step, ApprovalDocument Document)?> LockAsync(
        NpgsqlConnection c, NpgsqlTransaction t, string where, object value, CancellationToken ct)
    {
        var rows = await Sql.ListAsync(c, t, ct, ReadPair, $"{StepAndDocument} WHERE {where} FOR UPDATE OF s, d", value);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Marks a step asked and queues its link email; returns the outbox row.</summary>
    public static async Task<Guid> AskAsync(
        NpgsqlConnection c, NpgsqlTransaction t, ApprovalStep step, TimeSpan expiry, DateTimeOffset now, string key, CancellationToken ct)
    {
        await Sql.ExecuteAsync(c, t, ct,
            """
            UPDATE worker.approval_steps SET state = 'Waiting', asked_at = $2, token_expires_at = $3,
                email_state = 'NotSent', email_attempts = 0, email_last_error = NULL, email_sent_at = NULL,
                reminders_sent = 0, last_reminder_at = NULL
            WHERE id = $1
            """, step.Id, now, now + expiry);
        return await OutboxSql.AddAsync(c, t, key, MailKind.Invite, step.DocumentId, step.Id, step.ApproverEmail, now, ct);
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
