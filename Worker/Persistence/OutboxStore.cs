using Npgsql;

namespace Worker.Persistence;

/// <summary>Claiming outbox rows for delivery and recording failed attempts.</summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource, AuditLog audit)
{
    /// <summary>Locks an unsent row with what its email needs; null when it is sent, cancelled, missing or being sent by another worker.</summary>
    public async Task<OutboxClaim?> ClaimAsync(Guid id, CancellationToken ct)
    {
        var c = await dataSource.OpenConnectionAsync(ct);
        var t = await c.BeginTransactionAsync(ct);
        try
        {
            var mail = await Sql.FirstAsync(c, t, ct, OutboxMail.Read,
                $"SELECT {OutboxMail.Columns} FROM worker.outbox o WHERE o.id = $1 AND o.sent_at IS NULL AND o.state <> 'Cancelled' FOR UPDATE SKIP LOCKED", id);
            var document = mail is null ? null : await DocumentRecord.FindAsync(c, t, mail.DocumentId, ct);
            if (mail is null || document is null)
            {
                await t.DisposeAsync();
                await c.DisposeAsync();
                return null;
            }
            var steps = await Sql.ListAsync(c, t, ct, r => ApprovalStep.Read(r),
                $"SELECT {ApprovalStep.Columns} FROM worker.approval_steps s WHERE s.document_id = $1 ORDER BY s.position", mail.DocumentId);
            return new OutboxClaim(dataSource, c, t, audit) { Mail = mail, Document = document, Steps = steps };
        }
        catch
        {
            await t.DisposeAsync();
            await c.DisposeAsync();
            throw;
        }
    }

    /// <summary>Records a failed attempt on the row and, for a link, on its step ("email not sent yet: ...").</summary>
    public async Task RecordFailureAsync(Guid id, string error, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var stepId = await Sql.ListAsync(c, t, ct, r => r.IsDBNull(0) ? (Guid?)null : r.GetGuid(0),
            """
            UPDATE worker.outbox SET state = 'Failed', attempts = attempts + 1, last_error = $2
            WHERE id = $1 AND sent_at IS NULL AND state <> 'Cancelled' AND kind IN ('Invite', 'Reminder') RETURNING step_id
            """, id, error);
        await Sql.ExecuteAsync(c, t, ct,
            """
            UPDATE worker.outbox SET state = 'Failed', attempts = attempts + 1, last_error = $2
            WHERE id = $1 AND sent_at IS NULL AND state <> 'Cancelled' AND kind NOT IN ('Invite', 'Reminder')
            """, id, error);
        if (stepId is [{ } step])
            await Sql.ExecuteAsync(c, t, ct,
                """
                UPDATE worker.approval_steps SET email_state = 'Failed', email_attempts = email_attempts + 1, email_last_error = $2
                WHERE id = $1 AND state = 'Waiting'
                """, step, error);
        await t.CommitAsync(ct);
    }

    /// <summary>The row as stored now.</summary>
    public async Task<OutboxMail?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.FirstAsync(c, null, ct, OutboxMail.Read, $"SELECT {OutboxMail.Columns} FROM worker.outbox o WHERE o.id = $1", id);
    }
}
