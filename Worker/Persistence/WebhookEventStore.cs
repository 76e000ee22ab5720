using Npgsql;

namespace Worker.Persistence;

/// <summary>worker.webhook_events, filled by a trigger on worker.documents: handing events to jobs, and what came of each delivery.</summary>
public sealed class WebhookEventStore(NpgsqlDataSource dataSource)
{
    /// <summary>The channel the trigger notifies when it adds an event.</summary>
    public const string Channel = "worker_webhook_events";

    // Any fixed number: one dispatcher at a time across workers, so a document's events get their jobs in order.
    private const long DispatchLock = 0x5349474E_57484B01;

    /// <summary>
    /// Passes each undispatched event, oldest first, to <paramref name="dispatch"/> (which returns its job id, or null when there is
    /// nothing to deliver) and marks it dispatched. Returns how many; 0 at once when another worker is dispatching.
    /// </summary>
    public async Task<int> DispatchAsync(Func<PendingWebhookEvent, string?> dispatch, int batch, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var locked = await Sql.FirstAsync(c, t, ct, r => (object)r.GetBoolean(0), "SELECT pg_try_advisory_xact_lock($1)", DispatchLock);
        if (locked is not true) return 0;
        var pending = await Sql.ListAsync(c, t, ct,
            r => new PendingWebhookEvent(r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetBoolean(4)),
            """
            SELECT e.seq, e.document_id, e.client, p.job_id, coalesce(p.delivered_at IS NOT NULL, false)
            FROM worker.webhook_events e
            LEFT JOIN LATERAL (
                SELECT job_id, delivered_at FROM worker.webhook_events
                WHERE document_id = e.document_id AND seq < e.seq ORDER BY seq DESC LIMIT 1) p ON true
            WHERE e.dispatched_at IS NULL ORDER BY e.seq LIMIT $1
            """, batch);
        foreach (var e in pending)
        {
            var jobId = dispatch(e);
            await Sql.ExecuteAsync(c, t, ct, "UPDATE worker.webhook_events SET dispatched_at = now(), job_id = $2 WHERE seq = $1", e.Seq, jobId);
        }
        await t.CommitAsync(ct);
        return pending.Count;
    }

    public async Task<WebhookEvent?> FindAsync(long seq, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.FirstAsync(c, null, ct,
            r => new WebhookEvent(r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.GetString(4), Utc(r.GetDateTime(5)),
                r.IsDBNull(6) ? null : Utc(r.GetDateTime(6))),
            "SELECT seq, event_id, document_id, client, state, at, delivered_at FROM worker.webhook_events WHERE seq = $1", seq);
    }

    public async Task MarkDeliveredAsync(long seq, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await Sql.ExecuteAsync(c, null, ct,
            "UPDATE worker.webhook_events SET attempts = attempts + 1, delivered_at = now() WHERE seq = $1 AND delivered_at IS NULL", seq);
    }

    /// <summary>Notes a failed attempt where operators' queries can see it; the job's retry does the rest.</summary>
    public async Task RecordFailureAsync(long seq, string error, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await Sql.ExecuteAsync(c, null, ct,
            "UPDATE worker.webhook_events SET attempts = attempts + 1, last_error = $2 WHERE seq = $1 AND delivered_at IS NULL", seq, error);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
