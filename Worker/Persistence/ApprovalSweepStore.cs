using Npgsql;

namespace Worker.Persistence;

/// <summary>What the periodic sweep needs: steps past their expiry, steps that may need a reminder.</summary>
public sealed class ApprovalSweepStore(NpgsqlDataSource dataSource, AuditLog audit)
{
    /// <summary>Waiting steps of open documents whose link expired at or before <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<(ApprovalStep Step, DocumentRecord Document)>> ExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.ListAsync(c, null, ct, StepSql.ReadPair,
            $"{StepSql.StepAndDocument} WHERE s.state = 'Waiting' AND d.state = 'AwaitingApproval' AND s.token_expires_at <= $1 ORDER BY s.token_expires_at",
            now);
    }

    /// <summary>Ends a document whose step expired; returns the notice to send, an empty list when none, or null when it was no longer open.</summary>
    public async Task<IReadOnlyList<Guid>?> ExpireAsync(Guid stepId, string notify, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var locked = await StepSql.LockAsync(c, t, "s.id = $1", stepId, ct);
        if (locked is not { } pair || pair.Step.State != StepState.Waiting || pair.Document.State != DocumentState.AwaitingApproval
            || pair.Step.TokenExpiresAt > now)
            return null;
        await Sql.ExecuteAsync(c, t, ct, "UPDATE worker.approval_steps SET state = 'Expired' WHERE id = $1", stepId);
        await StepSql.CancelOpenStepsAsync(c, t, pair.Document.Id, ct);
        var outbox = new List<Guid>();
        if (notify.Length > 0)
            outbox.Add(await OutboxSql.AddAsync(c, t, $"expired:{pair.Document.Id}", MailKind.Expired, pair.Document.Id, stepId, notify, now, ct));
        await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
        {
            DocumentId = pair.Document.Id, Transition = Lifecycle.Expire, Actor = "worker", At = now, Mail = outbox,
            Detail = $"{pair.Step.ApproverEmail} did not answer by {pair.Step.TokenExpiresAt?.UtcDateTime:yyyy-MM-dd HH:mm} UTC",
        }, ct);
        await LifecycleSql.CommitAsync(t, ct);
        return outbox;
    }

    /// <summary>Waiting steps whose link was delivered and is still valid; the caller applies each route's rules.</summary>
    public async Task<IReadOnlyList<ReminderCandidate>> ReminderCandidatesAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.ListAsync(c, null, ct, r => new ReminderCandidate { Step = ApprovalStep.Read(r), Route = r.GetString(ApprovalStep.Count) },
            $"""
            SELECT {ApprovalStep.Columns}, d.route FROM worker.approval_steps s JOIN worker.documents d ON d.id = s.document_id
            WHERE s.state = 'Waiting' AND d.state = 'AwaitingApproval' AND s.email_sent_at IS NOT NULL AND s.token_expires_at > $1
            """, now);
    }

    /// <summary>
    /// Queues reminder number <c>sentBefore + 1</c>; null when another worker already did (the count moved on) or the step closed.
    /// </summary>
    public async Task<Guid?> AddReminderAsync(ApprovalStep step, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var changed = await Sql.ExecuteAsync(c, t, ct,
            """
            UPDATE worker.approval_steps SET reminders_sent = reminders_sent + 1, last_reminder_at = $3
            WHERE id = $1 AND reminders_sent = $2 AND state = 'Waiting'
            """, step.Id, step.RemindersSent, now);
        if (changed == 0) return null;
        // The ask time is part of the key: a resent link starts counting reminders again.
        var key = $"reminder:{step.Id}:{step.AskedAt?.UtcTicks}:{step.RemindersSent + 1}";
        var id = await OutboxSql.AddAsync(c, t, key, MailKind.Reminder, step.DocumentId, step.Id, step.ApproverEmail, now, ct);
        await FollowUpSql.AddAsync(c, t, step.DocumentId, FollowUp.DeliverMail, [id], now, ct);
        await audit.AppendAsync(c, t, audit.Event(step.DocumentId, "worker", "reminder",
            $"reminder {step.RemindersSent + 1} to {step.ApproverEmail}"), ct);
        await t.CommitAsync(ct);
        return id;
    }
}
