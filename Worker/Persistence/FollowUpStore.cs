using Npgsql;

namespace Worker.Persistence;

/// <summary>worker.follow_ups as the relay sees it: the committed follow-ups still to hand to Hangfire.</summary>
public sealed class FollowUpStore(NpgsqlDataSource dataSource)
{
    /// <summary>The channel a committed follow-up is announced on.</summary>
    public const string Channel = FollowUpSql.Channel;

    /// <summary>
    /// Passes undispatched follow-ups, oldest first, to <paramref name="enqueue"/> (which returns the job id) and marks them dispatched.
    /// Rows another worker is relaying are skipped. Returns how many.
    /// </summary>
    public async Task<int> DispatchAsync(Func<PendingFollowUp, string> enqueue, int batch, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var pending = await Sql.ListAsync(c, t, ct,
            r => new PendingFollowUp(r.GetInt64(0), r.GetGuid(1), Enum.Parse<FollowUp>(r.GetString(2)), r.GetFieldValue<Guid[]>(3)),
            "SELECT seq, document_id, kind, mail FROM worker.follow_ups WHERE dispatched_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED",
            batch);
        foreach (var f in pending)
            await Sql.ExecuteAsync(c, t, ct, "UPDATE worker.follow_ups SET dispatched_at = now(), job_id = $2 WHERE seq = $1", f.Seq, enqueue(f));
        await t.CommitAsync(ct);
        return pending.Count;
    }
}
