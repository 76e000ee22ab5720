using Npgsql;

namespace Worker.Persistence;

/// <summary>Approval steps: creating them for a document, finding one by its link, resending a link.</summary>
public sealed class ApprovalStore(NpgsqlDataSource dataSource, AuditLog audit, ConfiguredDelegations? delegations = null)
{
    /// <summary>Creates the steps of a Received document, asks the first approver (or all), moves it to AwaitingApproval.</summary>
    public async Task<StartResult> StartAsync(
        Guid documentId, IReadOnlyList<PlannedStep> approvers, bool askAll, TimeSpan expiry, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var state = await LifecycleSql.LockAsync(c, t, documentId, ct);
        if (state is not { } found) return new StartResult { Outcome = StartOutcome.Missing };
        if (found == DocumentState.AwaitingApproval)
        {
            // A second run after a crash: links not sent yet get a delivery of their own (sending is once per row anyway).
            var unsent = await UnsentAsync(c, t, documentId, ct);
            if (unsent.Count > 0) await FollowUpSql.AddAsync(c, t, documentId, FollowUp.DeliverMail, unsent, now, ct);
            await t.CommitAsync(ct);
            return new StartResult { Outcome = StartOutcome.AlreadyStarted, State = found, Outbox = unsent };
        }
        if (!Lifecycle.Allows(Lifecycle.AskApprovers, found)) return new StartResult { Outcome = StartOutcome.NotReceived, State = found };

        var steps = new List<ApprovalStep>();
        for (var i = 0; i < approvers.Count; i++)
        {
            var a = approvers[i];
            var id = Guid.NewGuid();
            await Sql.ExecuteAsync(c, t, ct,
                """
                INSERT INTO worker.approval_steps (id, document_id, position, approver_email, approver_name, approver_position, language, signer, state)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Pending')
                """, id, documentId, i + 1, a.Email, a.Name, a.Position, a.Language, a.Signer);
            steps.Add((await StepSql.ReadAsync(c, t, id, ct))!);
        }
        var outbox = new List<Guid>();
        var asked = new List<string>();
        foreach (var step in askAll ? steps : steps.Take(1))
        {
            outbox.AddRange(await StepSql.AskAsync(c, t, audit, Delegations, step, expiry, now, $"invite:{step.Id}", ct));
            asked.Add((await StepSql.ReadAsync(c, t, step.Id, ct))!.ApproverEmail);
        }
        await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
        {
            DocumentId = documentId, Transition = Lifecycle.AskApprovers, Actor = "worker", At = now, Mail = outbox,
            Detail = $"{steps.Count} approver(s), {(askAll ? "all at once" : "in order")}; asked {string.Join(", ", asked)}",
        }, ct);
        await LifecycleSql.CommitAsync(t, ct);
        return new StartResult { Outcome = StartOutcome.Started, State = DocumentState.AwaitingApproval, Outbox = outbox };
    }

    private ConfiguredDelegations Delegations => delegations ?? ConfiguredDelegations.None;

    /// <summary>Marks a document Failed with a reason a clerk can read (for example: its route is no longer configured).</summary>
    public async Task FailAsync(Guid documentId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
        {
            DocumentId = documentId, Transition = Lifecycle.FailWithoutRoute, Actor = "worker", Detail = reason, At = now, Error = reason,
        }, ct);
        await LifecycleSql.CommitAsync(t, ct);
    }

    /// <summary>The step and document a link token belongs to, or whether it was replaced by a newer link.</summary>
    public async Task<TokenLookup> FindByTokenAsync(byte[] tokenSha256, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var current = await Sql.ListAsync(c, null, ct, StepSql.ReadPair, $"{StepSql.StepAndDocument} WHERE s.token_sha256 = $1 OR s.pending_token_sha256 = $1", tokenSha256);
        if (current.Count == 1) return new TokenLookup { Step = current[0].Step, Document = current[0].Document };
        var retired = await Sql.ListAsync(c, null, ct, StepSql.ReadPair,
            $"{StepSql.StepAndDocument} JOIN worker.retired_tokens rt ON rt.step_id = s.id WHERE rt.token_sha256 = $1", tokenSha256);
        return retired.Count == 1 ? new TokenLookup { Retired = true, Step = retired[0].Step, Document = retired[0].Document } : TokenLookup.Unknown;
    }

    /// <summary>A step and its document by the step's id.</summary>
    public async Task<TokenLookup> StepAsync(Guid stepId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var rows = await Sql.ListAsync(c, null, ct, StepSql.ReadPair, $"{StepSql.StepAndDocument} WHERE s.id = $1", stepId);
        return rows.Count == 1 ? new TokenLookup { Step = rows[0].Step, Document = rows[0].Document } : TokenLookup.Unknown;
    }

    /// <summary>All steps of a document, in order.</summary>
    public async Task<IReadOnlyList<ApprovalStep>> StepsAsync(Guid documentId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.ListAsync(c, null, ct, r => ApprovalStep.Read(r),
            $"SELECT {ApprovalStep.Columns} FROM worker.approval_steps s WHERE s.document_id = $1 ORDER BY s.position", documentId);
    }

    /// <summary>
    /// Kills a waiting step's current link and queues a new one with a new expiry; null when the step is not waiting.
    /// </summary>
    public async Task<Guid?> ResendAsync(Guid stepId, TimeSpan expiry, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var locked = await StepSql.LockAsync(c, t, "s.id = $1", stepId, ct);
        if (locked is not { } pair || pair.Step.State != StepState.Waiting || pair.Document.State != DocumentState.AwaitingApproval)
            return null;
        await StepSql.RetireTokenAsync(c, t, stepId, now, ct);
        await Sql.ExecuteAsync(c, t, ct, "UPDATE worker.approval_steps SET token_sha256 = NULL, pending_token_sha256 = NULL WHERE id = $1", stepId);
        // Unsent links of this step are superseded by the new one.
        await Sql.ExecuteAsync(c, t, ct,
            "UPDATE worker.outbox SET state = 'Cancelled' WHERE step_id = $1 AND sent_at IS NULL AND state <> 'Cancelled'", stepId);
        var outbox = await StepSql.AskAsync(c, t, audit, Delegations, pair.Step, expiry, now, $"resend:{stepId}:{Guid.NewGuid():N}", ct);
        await FollowUpSql.AddAsync(c, t, pair.Document.Id, FollowUp.DeliverMail, outbox, now, ct);
        var asked = (await StepSql.ReadAsync(c, t, stepId, ct))!;
        await audit.AppendAsync(c, t, audit.Event(pair.Document.Id, actor, "link-resent",
            $"new link for {asked.ApproverEmail}, valid until {asked.TokenExpiresAt?.UtcDateTime:yyyy-MM-dd HH:mm} UTC"), ct);
        await t.CommitAsync(ct);
        return outbox[0];
    }

    /// <summary>The document's row, as the approval pages, emails and operator commands show it; null when there is none.</summary>
    public async Task<DocumentRecord?> DocumentAsync(Guid documentId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await DocumentRecord.FindAsync(c, null, documentId, ct);
    }

    /// <summary>Remembers where the copy of a declined or expired document was filed, so filing twice does nothing.</summary>
    public async Task RecordDeclinedCopyAsync(Guid documentId, string path, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var changed = await Sql.ExecuteAsync(c, t, ct,
            "UPDATE worker.documents SET declined_path = $2, updated_at = $3 WHERE id = $1 AND declined_path IS NULL", documentId, path, now);
        if (changed > 0) await audit.AppendAsync(c, t, audit.Event(documentId, "worker", "filed-declined", path), ct);
        await t.CommitAsync(ct);
    }

    private static Task<List<Guid>> UnsentAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid documentId, CancellationToken ct) =>
        Sql.ListAsync(c, t, ct, r => r.GetGuid(0),
            "SELECT id FROM worker.outbox WHERE document_id = $1 AND sent_at IS NULL AND state <> 'Cancelled' ORDER BY created_at", documentId);
}
