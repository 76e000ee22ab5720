using Npgsql;

namespace Worker.Persistence;

/// <summary>Delegations operators set and end (audited), and handing a deputy's step back to its official when the window is over.</summary>
public sealed class DelegationStore(NpgsqlDataSource dataSource, AuditLog audit, ConfiguredDelegations? configured = null)
{
    private ConfiguredDelegations Configured => configured ?? ConfiguredDelegations.None;

    /// <summary>The table's delegations not over before <paramref name="since"/>, soonest first.</summary>
    public async Task<IReadOnlyList<Delegation>> ListAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.ListAsync(c, null, ct, Delegation.Read,
            $"SELECT {Delegation.Columns} FROM worker.delegations WHERE coalesce(least(ended_at, ends_at), ends_at) > $1 ORDER BY starts_at, created_at", since);
    }

    /// <summary>On whose behalf a step's approver decides, or null when it is the official's own step.</summary>
    public async Task<StepDelegation?> OfStepAsync(Guid stepId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await DelegationSql.OfStepAsync(c, null, stepId, ct);
    }

    /// <summary>Records a new delegation with its audit event; the caller has checked it against the others.</summary>
    public async Task<Guid> AddAsync(Delegation d, string source, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        await Sql.ExecuteAsync(c, t, ct,
            """
            INSERT INTO worker.delegations (id, approver_email, deputy_email, deputy_name, deputy_position, deputy_signer, deputy_nip, deputy_rank,
                kind, starts_at, ends_at, created_at, created_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """, id, d.ApproverEmail.Trim(), d.DeputyEmail.Trim(), d.DeputyName, d.DeputyPosition, d.DeputySigner, d.DeputyNip, d.DeputyRank,
            d.Kind, d.StartsAt, d.EndsAt, now, d.CreatedBy);
        await audit.AppendAsync(c, t, new AuditEvent
        {
            At = now, Actor = d.CreatedBy, Action = "delegation-set", Source = source,
            Detail = $"{id}: {d.Kind} {d.DeputyEmail} ({d.DeputyName}, signer {d.DeputySigner}) for {d.ApproverEmail}, " +
                     $"{d.StartsAt.UtcDateTime:yyyy-MM-dd HH:mm} to {d.EndsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC",
        }, ct);
        await t.CommitAsync(ct);
        return id;
    }

    /// <summary>
    /// Ends a delegation now: no new request goes to the deputy, and the deputy's waiting links stop working at once. Returns the
    /// steps to hand back to the official, or null when there is no such delegation or it was already over.
    /// </summary>
    public async Task<IReadOnlyList<(Guid StepId, string Route)>?> EndAsync(Guid id, string actor, string source, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var ended = await Sql.ExecuteAsync(c, t, ct,
            "UPDATE worker.delegations SET ended_at = $2, ended_by = $3 WHERE id = $1 AND ended_at IS NULL AND ends_at > $2", id, now, actor);
        if (ended == 0) return null;
        var steps = await Sql.ListAsync(c, t, ct, r => (r.GetGuid(0), r.GetString(1)),
            """
            UPDATE worker.approval_steps s SET token_expires_at = least(s.token_expires_at, $2), delegation_ends_at = $2
            FROM worker.documents d
            WHERE d.id = s.document_id AND s.delegation_id = $1 AND s.state = 'Waiting'
            RETURNING s.id, d.route
            """, id, now);
        await audit.AppendAsync(c, t, new AuditEvent
        {
            At = now, Actor = actor, Action = "delegation-ended", Source = source,
            Detail = $"{id}: ended; {steps.Count} waiting request(s) go back to the official",
        }, ct);
        await t.CommitAsync(ct);
        return steps;
    }

    /// <summary>
    /// A deputy's waiting step whose delegation is over gets a new link for whoever is in force now (the official, or a later
    /// deputy); returns its outbox rows, or null when the step is not such a step (then the normal expiry applies).
    /// </summary>
    public async Task<IReadOnlyList<Guid>?> HandBackAsync(Guid stepId, TimeSpan expiry, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var locked = await StepSql.LockAsync(c, t, "s.id = $1", stepId, ct);
        if (locked is not { } pair || pair.Step.State != StepState.Waiting || pair.Document.State != DocumentState.AwaitingApproval)
            return null;
        if (await DelegationSql.OfStepAsync(c, t, stepId, ct) is not { } was || was.EndsAt > now) return null;
        await StepSql.RetireTokenAsync(c, t, stepId, now, ct);
        await Sql.ExecuteAsync(c, t, ct, "UPDATE worker.approval_steps SET token_sha256 = NULL, pending_token_sha256 = NULL WHERE id = $1", stepId);
        await Sql.ExecuteAsync(c, t, ct,
            "UPDATE worker.outbox SET state = 'Cancelled' WHERE step_id = $1 AND sent_at IS NULL AND state <> 'Cancelled'", stepId);
        var outbox = await StepSql.AskAsync(c, t, audit, Configured, pair.Step, expiry, now, $"handback:{stepId}:{Guid.NewGuid():N}", ct);
        await FollowUpSql.AddAsync(c, t, pair.Document.Id, FollowUp.DeliverMail, outbox, now, ct);
        var asked = (await StepSql.ReadAsync(c, t, stepId, ct))!;
        await audit.AppendAsync(c, t, audit.Event(pair.Document.Id, "worker", "delegation-over",
            $"step {pair.Step.Position}: {pair.Step.ApproverEmail} may no longer decide for {was.OnBehalfEmail}; new link for {asked.ApproverEmail}"), ct);
        await t.CommitAsync(ct);
        return outbox;
    }
}
