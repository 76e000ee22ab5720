using Npgsql;

namespace Worker.Persistence;

/// <summary>
/// An outbox row locked for sending. The lock and the "sent" mark share one transaction, so two workers never send the
/// same row and a retry after a successful send finds it done.
/// </summary>
public sealed class OutboxClaim(NpgsqlDataSource dataSource, NpgsqlConnection c, NpgsqlTransaction t, AuditLog audit) : IAsyncDisposable
{
    /// <summary>The row being sent.</summary>
    public required OutboxMail Mail { get; init; }
    /// <summary>The document it is about.</summary>
    public required DocumentRecord Document { get; init; }
    /// <summary>Every step of the document, in order.</summary>
    public required IReadOnlyList<ApprovalStep> Steps { get; init; }

    /// <summary>The step the row is about, if any.</summary>
    public ApprovalStep? Step => Steps.FirstOrDefault(s => s.Id == Mail.StepId);

    /// <summary>
    /// Gives the step a new link. The new hash works at once, beside the current one (committed on its own connection, so
    /// an official who opens the mail before this claim has recorded the send is not told the link is unknown); when this
    /// claim completes the previous link is retired. An unfinished send leaves both working until the next attempt.
    /// </summary>
    public async Task IssueTokenAsync(byte[] tokenSha256, DateTimeOffset now, CancellationToken ct)
    {
        var stepId = Mail.StepId ?? throw new InvalidOperationException($"outbox row {Mail.Id} has no step to link to");
        await IssuePendingAsync(stepId, tokenSha256, now, ct);
        await StepSql.RetireTokenAsync(c, t, stepId, now, ct);
        await Sql.ExecuteAsync(c, t, ct, "UPDATE worker.approval_steps SET token_sha256 = $2, pending_token_sha256 = NULL WHERE id = $1", stepId, tokenSha256);
    }

    private async Task IssuePendingAsync(Guid stepId, byte[] tokenSha256, DateTimeOffset now, CancellationToken ct)
    {
        await using var early = await dataSource.OpenConnectionAsync(ct);
        await using var et = await early.BeginTransactionAsync(ct);
        try
        {
            // A transaction that holds the step and waits for this claim's outbox row (a resend) would wait on us forever
            // through the application; give up quickly, and the link then works once the send is recorded, as it always did.
            await Sql.ExecuteAsync(early, et, ct, "SET LOCAL lock_timeout = '2s'");
            await Sql.ExecuteAsync(early, et, ct,
                """
                INSERT INTO worker.retired_tokens (token_sha256, step_id, retired_at)
                SELECT pending_token_sha256, id, $2 FROM worker.approval_steps WHERE id = $1 AND pending_token_sha256 IS NOT NULL
                ON CONFLICT DO NOTHING
                """, stepId, now);
            await Sql.ExecuteAsync(early, et, ct, "UPDATE worker.approval_steps SET pending_token_sha256 = $2 WHERE id = $1", stepId, tokenSha256);
            await et.CommitAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable) { /* see above */ }
    }

    /// <summary>Records the queue link sent with this email (its hash only).</summary>
    public async Task IssueQueueTokenAsync(byte[] tokenSha256, QueueLink link, DateTimeOffset now, CancellationToken ct)
    {
        // Committed before the send, like the approval link's pending hash: the queue link opens as soon as the mail can
        // arrive. A send that never completes leaves a row only its (maybe delivered) mail knows, expiring with it.
        await using var early = await dataSource.OpenConnectionAsync(ct);
        await Sql.ExecuteAsync(early, null, ct,
            "INSERT INTO worker.queue_links (token_sha256, approver_email, language, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)",
            tokenSha256, link.ApproverEmail, link.Language, link.ExpiresAt, now);
    }

    /// <summary>True when no other approval link of this document has been sent yet: the send that ends intake-to-email.</summary>
    public async Task<bool> IsFirstInviteAsync(CancellationToken ct)
    {
        if (Mail.Kind != MailKind.Invite) return false;
        var earlier = await Sql.ListAsync(c, t, ct, r => r.GetInt64(0),
            "SELECT count(*) FROM worker.outbox WHERE document_id = $1 AND kind = 'Invite' AND sent_at IS NOT NULL AND id <> $2",
            Mail.DocumentId, Mail.Id);
        return earlier is [0];
    }

    /// <summary>Records the send and commits.</summary>
    public async Task CompleteAsync(string messageId, DateTimeOffset now, CancellationToken ct)
    {
        await Sql.ExecuteAsync(c, t, ct,
            "UPDATE worker.outbox SET state = 'Sent', sent_at = $2, message_id = $3, last_error = NULL WHERE id = $1", Mail.Id, now, messageId);
        if (MailKind.CarriesLink(Mail.Kind))
            await Sql.ExecuteAsync(c, t, ct,
                "UPDATE worker.approval_steps SET email_state = 'Sent', email_sent_at = $2, email_last_error = NULL WHERE id = $1", Mail.StepId, now);
        await audit.AppendAsync(c, t, audit.Event(Mail.DocumentId, "worker", "email-sent", $"{Mail.Kind} to {Mail.Recipient}"), ct);
        await t.CommitAsync(ct);
    }

    /// <summary>The email is no longer needed (the step closed meanwhile); records why and commits.</summary>
    public async Task CancelAsync(string why, CancellationToken ct)
    {
        await Sql.ExecuteAsync(c, t, ct, "UPDATE worker.outbox SET state = 'Cancelled', last_error = $2 WHERE id = $1", Mail.Id, why);
        await t.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await t.DisposeAsync();
        await c.DisposeAsync();
    }
}
