using Npgsql;

namespace Worker.Persistence;

/// <summary>Operator actions on one document (retry, cancel), each one step of the lifecycle with its audit event and follow-ups.</summary>
public sealed class OperatorStore(NpgsqlDataSource dataSource, AuditLog audit)
{
    /// <summary>States an operator may cancel: nobody is working on them, and they have not reached a result yet (Failed may be retried).</summary>
    public static readonly IReadOnlySet<DocumentState> Cancellable = Lifecycle.Cancel.From.ToHashSet();

    /// <summary>
    /// Queues again the work a stuck document's state implies: signing for an Approved one, or a Failed one whose steps are all
    /// approved (back to Approved); the approval hand-off for one in Received; the copy to declined/ for a Declined or Expired one
    /// that has none; and its unsent emails. Anything else changes nothing. Null when the document does not exist.
    /// </summary>
    public async Task<OperatorRetry?> RetryAsync(Guid id, string actor, string source, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var found = await Sql.ListAsync(c, t, ct, r => new OperatorRetry
            {
                State = Lifecycle.Parse(r.GetString(0)), Steps = (int)r.GetInt64(1), Approved = (int)r.GetInt64(2), HasDeclinedCopy = r.GetBoolean(3),
            },
            """
            SELECT d.state,
                   (SELECT count(*) FROM worker.approval_steps s WHERE s.document_id = d.id),
                   (SELECT count(*) FROM worker.approval_steps s WHERE s.document_id = d.id AND s.state = 'Approved'),
                   d.declined_path IS NOT NULL
            FROM worker.documents d WHERE d.id = $1 FOR UPDATE
            """, id);
        if (found is not [var retry]) return null;
        var unsent = await Sql.ListAsync(c, t, ct, r => r.GetGuid(0),
            "SELECT id FROM worker.outbox WHERE document_id = $1 AND sent_at IS NULL AND state <> 'Cancelled' ORDER BY created_at", id);
        var allApproved = retry.Steps > 0 && retry.Approved == retry.Steps;
        var (transition, what) = retry.State switch
        {
            DocumentState.Failed or DocumentState.Approved when allApproved => (Lifecycle.RetrySigning, OperatorRetry.RetriedSigning),
            DocumentState.Received => (Lifecycle.RetryHandOff, OperatorRetry.RetriedHandOff),
            DocumentState.Declined when !retry.HasDeclinedCopy => (Lifecycle.RefileDeclined, OperatorRetry.RetriedDeclinedCopy),
            DocumentState.Expired when !retry.HasDeclinedCopy => (Lifecycle.RefileExpired, OperatorRetry.RetriedDeclinedCopy),
            _ => ((Transition?)null, unsent.Count > 0 ? OperatorRetry.RetriedMail : null),
        };
        if (what is null) return retry;
        var detail = $"{what} queued again" + (unsent.Count > 0 ? $"; {unsent.Count} unsent email(s) queued again" : "");
        if (transition is not null)
            await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
            {
                DocumentId = id, Transition = transition, Actor = actor, Source = source, At = now, Detail = detail, Mail = unsent,
            }, ct);
        else
        {
            await FollowUpSql.AddAsync(c, t, id, FollowUp.DeliverMail, unsent, now, ct);
            await audit.AppendAsync(c, t, audit.Event(id, actor, "retry-requested", detail, source), ct);
        }
        await LifecycleSql.CommitAsync(t, ct);
        return retry with { Retried = what, UnsentMail = unsent.Count };
    }

    /// <summary>
    /// Ends an open document as Declined with <paramref name="reason"/>: open steps are cancelled (their links stop working),
    /// unsent links are dropped, and a notice to <paramref name="notify"/> is queued. Null when the document does not exist.
    /// </summary>
    public async Task<OperatorCancel?> CancelAsync(
        Guid id, string reason, string actor, string source, string notify, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        // Steps before the document, the order decisions lock them in, so a decision arriving now waits instead of deadlocking.
        await Sql.ExecuteAsync(c, t, ct, "SELECT 1 FROM worker.approval_steps WHERE document_id = $1 ORDER BY position FOR UPDATE", id);
        if (await LifecycleSql.LockAsync(c, t, id, ct) is not { } state) return null;
        if (!Lifecycle.Allows(Lifecycle.Cancel, state)) return new OperatorCancel { StateBefore = state, Cancelled = false };

        await StepSql.CancelOpenStepsAsync(c, t, id, ct);
        List<Guid> outbox = notify.Length == 0
            ? []
            : [await OutboxSql.AddAsync(c, t, $"cancelled:{id}", MailKind.Cancelled, id, null, notify, now, ct)];
        await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
        {
            DocumentId = id, Transition = Lifecycle.Cancel, Actor = actor, Source = source, At = now, Error = reason,
            Detail = $"was {state}: {reason}", Mail = outbox,
        }, ct);
        await LifecycleSql.CommitAsync(t, ct);
        return new OperatorCancel { StateBefore = state, Cancelled = true, Outbox = outbox };
    }
}
