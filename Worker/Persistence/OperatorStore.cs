using Npgsql;

namespace Worker.Persistence;

/// <summary>Operator actions on one document (retry, cancel), each in one transaction with its audit event.</summary>
public sealed class OperatorStore(NpgsqlDataSource dataSource, AuditLog audit)
{
    /// <summary>States an operator may cancel: nobody is working on them, and they have not reached a result yet (Failed may be retried).</summary>
    public static readonly IReadOnlySet<string> Cancellable = new HashSet<string>(StringComparer.Ordinal)
        { DocumentState.Received, DocumentState.AwaitingApproval, DocumentState.Failed };

    /// <summary>
    /// Enqueues signing again for a Failed document whose steps are all approved (back to Approved), or the approval hand-off for
    /// one still in Received; anything else changes nothing. Null when the document does not exist.
    /// </summary>
    public async Task<OperatorRetry?> RetryAsync(
        Guid id, string actor, string source, Func<string> enqueueSigning, Func<string> enqueueHandOff, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var found = await Sql.ListAsync(c, t, ct, r => new OperatorRetry
            {
                State = r.GetString(0), Steps = (int)r.GetInt64(1), Approved = (int)r.GetInt64(2),
            },
            """
            SELECT d.state,
                   (SELECT count(*) FROM worker.approval_steps s WHERE s.document_id = d.id),
                   (SELECT count(*) FROM worker.approval_steps s WHERE s.document_id = d.id AND s.state = 'Approved')
            FROM worker.documents d WHERE d.id = $1 FOR UPDATE
            """, id);
        if (found is not [var retry]) return null;
        if (retry.State == DocumentState.Failed && retry.Steps > 0 && retry.Approved == retry.Steps)
        {
            // The job may start before this commits; it accepts Approved and Failed alike, and waits on this row to file.
            var job = enqueueSigning();
            await StepSql.SetDocumentStateAsync(c, t, id, DocumentState.Approved, now, ct);
            retry = retry with { Retried = OperatorRetry.RetriedSigning, JobId = job };
        }
        else if (retry.State == DocumentState.Received)
        {
            var job = enqueueHandOff();
            await Sql.ExecuteAsync(c, t, ct,
                "UPDATE worker.documents SET approval_job_id = $2, approval_enqueued_at = $3, updated_at = $3 WHERE id = $1", id, job, now);
            retry = retry with { Retried = OperatorRetry.RetriedHandOff, JobId = job };
        }
        else return retry;
        await audit.AppendAsync(c, t, audit.Event(id, actor, "retry-requested", $"{retry.Retried} enqueued again (job {retry.JobId})", source), ct);
        await t.CommitAsync(ct);
        return retry;
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
        var state = await Sql.FirstAsync(c, t, ct, r => r.GetString(0), "SELECT state FROM worker.documents WHERE id = $1 FOR UPDATE", id);
        if (state is null) return null;
        if (!Cancellable.Contains(state)) return new OperatorCancel { StateBefore = state, Cancelled = false };

        await StepSql.CancelOpenStepsAsync(c, t, id, ct);
        await Sql.ExecuteAsync(c, t, ct,
            "UPDATE worker.documents SET state = 'Declined', error = $2, updated_at = $3 WHERE id = $1", id, reason, now);
        await audit.AppendAsync(c, t, audit.Event(id, actor, "cancelled", $"was {state}: {reason}", source), ct);
        List<Guid> outbox = notify.Length == 0
            ? []
            : [await OutboxSql.AddAsync(c, t, $"cancelled:{id}", MailKind.Cancelled, id, null, notify, now, ct)];
        await t.CommitAsync(ct);
        return new OperatorCancel { StateBefore = state, Cancelled = true, Outbox = outbox };
    }
}
