using System.Diagnostics;
using System.Runtime.CompilerServices;
using Npgsql;

namespace Worker.Persistence;

/// <summary>The only writer of worker.documents.state: a guarded UPDATE, its audit event and its follow-ups, in the caller's transaction.</summary>
internal static class LifecycleSql
{
    /// <summary>
    /// For the crash tests only: a transition's name; the process kills itself (SIGKILL) right after a transaction that applied it
    /// commits, the worst moment for the follow-up work.
    /// </summary>
    public const string KillAfterCommitVariable = "WORKER_TEST_KILL_AFTER_COMMIT";

    private static readonly string? KillAfter = Environment.GetEnvironmentVariable(KillAfterCommitVariable);
    private static readonly ConditionalWeakTable<NpgsqlTransaction, string> Applied = new();

    /// <summary>
    /// Applies <paramref name="step"/> when the document is in one of the transition's from-states; false (nothing written) otherwise.
    /// A transition without from-states records a document the caller has just inserted in its to-state.
    /// </summary>
    public static async Task<bool> ApplyAsync(NpgsqlConnection c, NpgsqlTransaction t, AuditLog audit, LifecycleStep step, CancellationToken ct)
    {
        var tr = step.Transition;
        if (tr.From.Count > 0)
        {
            var changed = await Sql.ExecuteAsync(c, t, ct,
                """
                UPDATE worker.documents SET state = $2, updated_at = $3,
                    error = CASE WHEN $5 THEN NULL ELSE coalesce($4, error) END,
                    filed_at = CASE WHEN $2 = $7 THEN $3 ELSE filed_at END
                WHERE id = $1 AND state = ANY($6)
                """,
                step.DocumentId, tr.To.ToString(), step.At, step.Error, tr.ClearsError, tr.From.Select(s => s.ToString()).ToArray(),
                DocumentState.Filed.ToString());
            if (changed == 0) return false;
        }
        await audit.AppendAsync(c, t, audit.Event(step.DocumentId, step.Actor, tr.AuditAction, step.Detail, step.Source), ct);
        if (KillAfter is not null) Applied.AddOrUpdate(t, tr.Name);
        foreach (var followUp in tr.FollowUps) await FollowUpSql.AddAsync(c, t, step.DocumentId, followUp, [], step.At, ct);
        if (step.Mail.Count > 0) await FollowUpSql.AddAsync(c, t, step.DocumentId, FollowUp.DeliverMail, step.Mail, step.At, ct);
        return true;
    }

    /// <summary>Commits a transaction that may have applied a step.</summary>
    public static async Task CommitAsync(NpgsqlTransaction t, CancellationToken ct)
    {
        await t.CommitAsync(ct);
        if (KillAfter is not null && Applied.TryGetValue(t, out var name) && name == KillAfter) Process.GetCurrentProcess().Kill();
    }

    /// <summary>The document's state, locked for the rest of the transaction; null when there is no such document.</summary>
    public static async Task<DocumentState?> LockAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid documentId, CancellationToken ct)
    {
        var name = await Sql.FirstAsync(c, t, ct, r => r.GetString(0), "SELECT state FROM worker.documents WHERE id = $1 FOR UPDATE", documentId);
        return name is null ? null : Lifecycle.Parse(name);
    }
}
