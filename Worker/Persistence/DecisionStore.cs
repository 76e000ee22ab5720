using Npgsql;

namespace Worker.Persistence;

/// <summary>Records an approver's decision and moves the document on, in one transaction.</summary>
public sealed class DecisionStore(NpgsqlDataSource dataSource, AuditLog audit)
{
    /// <summary>Null when no step has the token; otherwise the step as decided now or before.</summary>
    public async Task<DecisionResult?> DecideAsync(Decision d, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        if (await StepSql.LockAsync(c, t, "(s.token_sha256 = $1 OR s.pending_token_sha256 = $1)", d.TokenSha256, ct) is not { } pair) return null;
        var (step, document) = pair;
        var open = step.State == StepState.Waiting && document.State == DocumentState.AwaitingApproval && step.TokenExpiresAt > d.At;
        if (!open) return new DecisionResult { Step = step, Recorded = false };

        await Sql.ExecuteAsync(c, t, ct,
            """
            UPDATE worker.approval_steps SET state = $2, decided_at = $3, decision_ip = $4, decision_user_agent = $5, reason = $6
            WHERE id = $1
            """, step.Id, d.Approve ? StepState.Approved : StepState.Rejected, d.At, d.Ip, d.UserAgent, d.Approve ? null : d.Reason);
        var decided = (await StepSql.ReadAsync(c, t, step.Id, ct))!;
        await audit.AppendAsync(c, t, audit.Event(document.Id, step.ApproverEmail, d.Approve ? "approved" : "rejected",
            d.Approve ? $"step {step.Position}" : $"step {step.Position}: {d.Reason}", d.Ip), ct);

        var result = d.Approve
            ? await AfterApprovalAsync(c, t, decided, d, ct)
            : await AfterRejectionAsync(c, t, decided, d, ct);
        await LifecycleSql.CommitAsync(t, ct);
        return result;
    }

    private async Task<DecisionResult> AfterApprovalAsync(NpgsqlConnection c, NpgsqlTransaction t, ApprovalStep step, Decision d, CancellationToken ct)
    {
        var waiting = await Sql.ListAsync(c, t, ct, r => r.GetGuid(0),
            "SELECT id FROM worker.approval_steps WHERE document_id = $1 AND state = 'Waiting'", step.DocumentId);
        if (waiting.Count > 0) return new DecisionResult { Step = step, Recorded = true };
        var next = await Sql.FirstAsync(c, t, ct, r => ApprovalStep.Read(r),
            $"SELECT {ApprovalStep.Columns} FROM worker.approval_steps s WHERE s.document_id = $1 AND s.state = 'Pending' ORDER BY s.position LIMIT 1",
            step.DocumentId);
        if (next is not null)
        {
            var outbox = await StepSql.AskAsync(c, t, next, d.NextExpiry, d.At, $"invite:{next.Id}", ct);
            await FollowUpSql.AddAsync(c, t, step.DocumentId, FollowUp.DeliverMail, [outbox], d.At, ct);
            await audit.AppendAsync(c, t, audit.Event(step.DocumentId, "worker", "approval-requested", $"asked {next.ApproverEmail} (step {next.Position})"), ct);
            return new DecisionResult { Step = step, Recorded = true, Outbox = [outbox] };
        }
        await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
        {
            DocumentId = step.DocumentId, Transition = Lifecycle.Approve, Actor = "worker", Detail = "every approver agreed; signing queued", At = d.At,
        }, ct);
        return new DecisionResult { Step = step, Recorded = true, DocumentApproved = true };
    }

    private async Task<DecisionResult> AfterRejectionAsync(NpgsqlConnection c, NpgsqlTransaction t, ApprovalStep step, Decision d, CancellationToken ct)
    {
        await StepSql.CancelOpenStepsAsync(c, t, step.DocumentId, ct);
        var outbox = new List<Guid>();
        if (d.NotifyOnDecline.Length > 0)
            outbox.Add(await OutboxSql.AddAsync(c, t, $"declined:{step.DocumentId}", MailKind.Declined, step.DocumentId, step.Id, d.NotifyOnDecline, d.At, ct));
        await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
        {
            DocumentId = step.DocumentId, Transition = Lifecycle.Reject, Actor = "worker", Detail = $"step {step.Position} rejected", At = d.At,
            Mail = outbox,
        }, ct);
        return new DecisionResult { Step = step, Recorded = true, DocumentDeclined = true, Outbox = outbox };
    }
}
