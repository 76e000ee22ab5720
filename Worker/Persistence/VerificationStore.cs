using Npgsql;

namespace Worker.Persistence;

/// <summary>Reads for the public verification page.</summary>
public sealed class VerificationStore(NpgsqlDataSource dataSource)
{
    public async Task<VerificationRecord?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await DocumentRecord.FindAsync(connection, null, id, ct) is not { } d) return null;
        var approvers = new List<(string, string, string, DateTimeOffset?, DateTimeOffset?)>();
        await using (var command = new NpgsqlCommand(
            "SELECT approver_name, approver_position, state, decided_at, signed_at FROM worker.approval_steps WHERE document_id = $1 ORDER BY position",
            connection))
        {
            command.Parameters.AddWithValue(id);
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                approvers.Add((r.GetString(0), r.GetString(1), r.GetString(2),
                    r.IsDBNull(3) ? null : Utc(r.GetDateTime(3)), r.IsDBNull(4) ? null : Utc(r.GetDateTime(4))));
        }
        // Only what the public page may show: no emails, addresses or paths.
        return new VerificationRecord
        {
            Id = d.Id, Title = d.Title, Number = d.Number, State = d.State, SignedSha256 = d.SignedSha256, ReceivedAt = d.ReceivedAt,
            FiledAt = d.FiledAt, Approvers = approvers,
        };
    }

    /// <summary>The filed document whose archived signed file has exactly these bytes, if any.</summary>
    public async Task<Guid?> FindBySignedSha256Async(string sha256, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM worker.documents WHERE signed_sha256 = $1 AND state = 'Filed' LIMIT 1");
        command.Parameters.AddWithValue(sha256);
        return await command.ExecuteScalarAsync(ct) as Guid?;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
