using Npgsql;

namespace Worker.Persistence;

/// <summary>The sign-and-file job's reads and writes; each write checks the state so a rerun cannot undo a later change.</summary>
public sealed class SigningStore(NpgsqlDataSource dataSource, AuditLog audit) : IStampNoteRecorder
{
    public async Task<SigningDocument?> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var found = await Sql.ListAsync(connection, null, ct, r => (DocumentRecord.Read(r), (int)r.GetInt64(DocumentRecord.Count)),
            $"SELECT {DocumentRecord.Columns}, (SELECT count(*) FROM worker.approval_steps s WHERE s.document_id = d.id) FROM worker.documents d WHERE d.id = $1",
            id);
        if (found is not [var (d, stepCount)]) return null;
        var steps = await Sql.ListAsync(connection, null, ct, SigningStep.Read,
            $"SELECT {SigningStep.Columns} FROM worker.approval_steps WHERE document_id = $1 AND state = 'Approved' ORDER BY position", id);
        return new SigningDocument
        {
            Id = d.Id, Route = d.Route, State = d.State, SourceName = d.SourceName, ContentPath = d.ContentPath ?? "", Title = d.Title,
            SignedPath = d.SignedPath, SignedSha256 = d.SignedSha256, SubmitterEmail = d.SubmitterEmail ?? "", StepCount = stepCount, ApprovedSteps = steps,
        };
    }

    /// <summary>Records that the document is filed below the long-term validation level its route asks for, and why (shown on its dashboard page).</summary>
    public Task RecordLtvShortAsync(Guid id, string detail, DateTimeOffset at, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent { At = at, DocumentId = id, Actor = "worker", Action = "ltv-short", Detail = detail }, ct);

    /// <summary>Records why the visible stamp is not the signature's widget and where it was drawn instead (the "stamp-note" event).</summary>
    public Task RecordStampNoteAsync(Guid id, string detail, DateTimeOffset at, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent { At = at, DocumentId = id, Actor = "worker", Action = "stamp-note", Detail = detail }, ct);

    /// <summary>Remembers where the signed file is about to go, before it goes there, so a crash after the rename is recognised.</summary>
    public async Task RecordTargetAsync(Guid id, string path, string sha256, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE worker.documents SET signed_path = $2, signed_sha256 = $3, updated_at = now() WHERE id = $1 AND state IN ('Approved', 'Failed')");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(path);
        command.Parameters.AddWithValue(sha256);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Filed, with the signers' times, its audit event and the submitter's notice, in one transaction.</summary>
    /// <returns>False when another run got there first (the document is no longer Approved).</returns>
    public async Task<bool> MarkFiledAsync(
        Guid id, string path, string sha256, IReadOnlyList<SigningStep> signers, string notify, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        if (await LifecycleSql.LockAsync(c, t, id, ct) is not { } state || !Lifecycle.Allows(Lifecycle.File, state)) return false;
        await Sql.ExecuteAsync(c, t, ct, "UPDATE worker.documents SET signed_path = $2, signed_sha256 = $3 WHERE id = $1", id, path, sha256);
        await Sql.ExecuteAsync(c, t, ct, "UPDATE worker.approval_steps SET signed_at = $2 WHERE id = ANY($1)", signers.Select(s => s.Id).ToArray(), now);
        // In the same transaction as Filed, so the notice is neither lost nor queued twice.
        Guid[] outbox = notify.Length == 0 ? [] : [await OutboxSql.AddAsync(c, t, $"filed:{id}", MailKind.Filed, id, null, notify, now, ct)];
        var who = string.Join(", ", signers.Select(s => $"{s.Name} ({s.JobTitle})"));
        await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
        {
            DocumentId = id, Transition = Lifecycle.File, Actor = "worker", At = now, Mail = outbox,
            Detail = $"signed by {who}; {Path.GetFileName(path)} sha256 {sha256}",
        }, ct);
        await LifecycleSql.CommitAsync(t, ct);
        return true;
    }

    /// <summary>
    /// A job an operator requeued from Hangfire's Failed list finds its document Failed: it goes back to Approved (audited) so the
    /// run can file it. False when it was not Failed.
    /// </summary>
    public async Task<bool> ResumeRequeuedAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        var resumed = await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
        {
            DocumentId = id, Transition = Lifecycle.ResumeRequeued, Actor = "operator", At = now,
            Detail = "its sign-and-file job was requeued from the dashboard",
        }, ct);
        await LifecycleSql.CommitAsync(t, ct);
        return resumed;
    }

    /// <summary>Shows why the last attempt failed, on the document, while retries go on.</summary>
    public async Task RecordErrorAsync(Guid id, string error, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE worker.documents SET error = $2, updated_at = now() WHERE id = $1 AND state <> 'Filed'");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(error);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Failed after the job's retries; the original stays in the content store and an operator can retry.</summary>
    /// <returns>False when the document was not Approved (nothing changed).</returns>
    public async Task<bool> MarkFailedAsync(Guid id, string error, string routeContact, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var t = await c.BeginTransactionAsync(ct);
        if (await LifecycleSql.LockAsync(c, t, id, ct) is not { } state || !Lifecycle.Allows(Lifecycle.FailSigning, state)) return false;
        var submitter = (await DocumentRecord.FindAsync(c, t, id, ct))?.SubmitterEmail;
        var notify = string.IsNullOrEmpty(submitter) ? routeContact : submitter;
        // A retry that fails again must not notify again: the key is per document and failure count is not part of it.
        Guid[] outbox = notify.Length == 0 ? [] : [await OutboxSql.AddAsync(c, t, $"failed:{id}", MailKind.Failed, id, null, notify, now, ct)];
        await LifecycleSql.ApplyAsync(c, t, audit, new LifecycleStep
        {
            DocumentId = id, Transition = Lifecycle.FailSigning, Actor = "worker", At = now, Detail = error, Error = error, Mail = outbox,
        }, ct);
        await LifecycleSql.CommitAsync(t, ct);
        return true;
    }
}
