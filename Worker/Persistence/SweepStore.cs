using Npgsql;

namespace Worker.Persistence;

/// <summary>What the lifecycle sweep needs: work that states imply and that nobody may be doing, and re-creating it as a step.</summary>
public sealed class SweepStore(NpgsqlDataSource dataSource, AuditLog audit)
{
    /// <summary>Who the sweep's audit events name.</summary>
    public const string Actor = "sweep";

    /// <summary>
    /// Received documents (the hand-off to approval), Approved ones (signing), Declined and Expired ones without their copy in
    /// declined/, and unsent emails, all unchanged since <paramref name="before"/>, with the job of their latest relayed follow-up
    /// (for a document received before hand-offs were follow-ups, its approval_job_id). A follow-up not relayed yet is the relay's.
    /// </summary>
    public async Task<IReadOnlyList<StuckWork>> ListAsync(DateTimeOffset before, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var documents = await Sql.ListAsync(c, null, ct,
            r => new StuckWork
            {
                DocumentId = r.GetGuid(0), State = Lifecycle.Parse(r.GetString(1)), Kind = Enum.Parse<FollowUp>(r.GetString(2)),
                JobId = r.IsDBNull(3) ? null : r.GetString(3),
            },
            """
            SELECT d.id, d.state, w.kind, coalesce(f.job_id, CASE WHEN w.kind = 'StartApproval' THEN d.approval_job_id END)
            FROM worker.documents d
            CROSS JOIN LATERAL (SELECT CASE d.state WHEN 'Approved' THEN 'Sign' WHEN 'Received' THEN 'StartApproval' ELSE 'FileDeclined' END AS kind) w
            LEFT JOIN LATERAL (
                SELECT job_id FROM worker.follow_ups WHERE document_id = d.id AND kind = w.kind ORDER BY seq DESC LIMIT 1) f ON true
            WHERE d.updated_at < $1 AND (d.state IN ('Approved', 'Received') OR (d.state IN ('Declined', 'Expired') AND d.declined_path IS NULL))
              AND NOT EXISTS (SELECT 1 FROM worker.follow_ups u WHERE u.document_id = d.id AND u.kind = w.kind AND u.dispatched_at IS NULL)
            ORDER BY d.updated_at LIMIT $2
            """, before, limit);
        var mail = await Sql.ListAsync(c, null, ct,
            r => new StuckWork
            {
                DocumentId = r.GetGuid(1), State = Lifecycle.Parse(r.GetString(2)), Kind = FollowUp.DeliverMail,
                JobId = r.IsDBNull(3) ? null : r.GetString(3), Mail = [r.GetGuid(0)],
            },
            """
            SELECT o.id, o.document_id, d.state, f.job_id
            FROM worker.outbox o JOIN worker.documents d ON d.id = o.document_id
            LEFT JOIN LATERAL (
                SELECT job_id FROM worker.follow_ups WHERE kind = 'DeliverMail' AND mail @> ARRAY[o.id] ORDER BY seq DESC LIMIT 1) f ON true
            WHERE o.sent_at IS NULL AND o.state <> 'Cancelled' AND o.created_at < $1
              AND NOT EXISTS (SELECT 1 FROM worker.follow_ups u WHERE u.kind = 'DeliverMail' AND u.mail @> ARRAY[o.id] AND u.dispatched_at IS NULL)
            ORDER BY o.created_at LIMIT $2
            """, before, limit);
        return [.. documents, .. mail];
    }

    /// <summary>
    /// Commits the work again as a step of the document's lifecycle (audited, actor <see cref="Actor"/>); false when the document
    /// moved on meanwhile.
    /// </summary>
    public async Task<bool> RecreateAsync(StuckWork work, string why, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var transition = work.State switch
        {
            _ when work.Kind == FollowUp.DeliverMail => null,
            DocumentState.Received => Lifecycle.RetryHandOff,
            DocumentState.Approved => Lifecycle.RetrySigning,
            DocumentState.Declined => Lifecycle.RefileDeclined,
            DocumentState.Expired => Lifecycle.RefileExpired,
            _ => throw new InvalidOperationException($"nothing to re-create for a {work.State} document"),
        };
        var detail = $"{work.Kind} re-created: {why}";
        bool done;
        if (transition is not null)
            done = await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
            {
                DocumentId = work.DocumentId, Transition = transition, Actor = Actor, At = now, Detail = detail,
            }, ct);
        else
        {
            var unsent = await Sql.ListAsync(c, t, ct, r => r.GetGuid(0),
                "SELECT id FROM worker.outbox WHERE id = ANY($1) AND sent_at IS NULL AND state <> 'Cancelled' FOR UPDATE", work.Mail);
            done = unsent.Count > 0;
            if (done)
            {
                await FollowUpSql.AddAsync(c, t, work.DocumentId, FollowUp.DeliverMail, unsent, now, ct);
                await audit.AppendAsync(c, t, audit.Event(work.DocumentId, Actor, "mail-requeued", detail), ct);
            }
        }
        await LifecycleSql.CommitAsync(t, ct);
        return done;
    }
}
