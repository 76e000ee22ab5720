using Npgsql;

namespace Worker.Persistence;

/// <summary>Queue links and what they show: an approver's waiting steps across routes, looked up by approver address only.</summary>
public sealed class QueueStore(NpgsqlDataSource dataSource)
{
    private const string Entry = $"SELECT {ApprovalStep.Columns}, {DocumentRecord.Columns}, s.token_sha256 " +
                                 "FROM worker.approval_steps s JOIN worker.documents d ON d.id = s.document_id";

    /// <summary>The link with this token hash, expired or not; null when there is none.</summary>
    public async Task<QueueLink?> FindAsync(byte[] tokenSha256, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.FirstAsync(c, null, ct,
            r => new QueueLink { ApproverEmail = r.GetString(0), Language = r.GetString(1), ExpiresAt = r.GetFieldValue<DateTimeOffset>(2) },
            "SELECT approver_email, language, expires_at FROM worker.queue_links WHERE token_sha256 = $1", tokenSha256);
    }

    /// <summary>The approver's steps that can be decided now (waiting, link sent and not expired, document awaiting approval), oldest first.</summary>
    public async Task<IReadOnlyList<QueueEntry>> WaitingAsync(string approverEmail, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.ListAsync(c, null, ct, Read,
            $"""
             {Entry} WHERE lower(s.approver_email) = lower($1) AND s.state = 'Waiting' AND d.state = 'AwaitingApproval'
             AND s.token_sha256 IS NOT NULL AND s.token_expires_at > $2 ORDER BY d.received_at, s.id
             """, approverEmail, now);
    }

    /// <summary>
    /// The approver's steps among <paramref name="stepIds"/>, in any state (decided ones are reported, not decided again);
    /// a step of another approver is not returned.
    /// </summary>
    public async Task<IReadOnlyList<QueueEntry>> OwnStepsAsync(string approverEmail, IReadOnlyList<Guid> stepIds, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await Sql.ListAsync(c, null, ct, Read,
            $"{Entry} WHERE lower(s.approver_email) = lower($1) AND s.id = ANY($2) ORDER BY d.received_at, s.id", approverEmail, stepIds.ToArray());
    }

    private static QueueEntry Read(NpgsqlDataReader r) => new()
    {
        Step = ApprovalStep.Read(r),
        Document = DocumentRecord.Read(r, ApprovalStep.Count),
        // The token hash is the last column, after the step's and the document's.
        TokenSha256 = r.IsDBNull(r.FieldCount - 1) ? null : r.GetFieldValue<byte[]>(r.FieldCount - 1),
    };
}
