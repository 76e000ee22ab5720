using Npgsql;

namespace Worker.Persistence;

/// <summary>Documents as API clients see them: each client only its own.</summary>
public sealed class ApiDocumentStore(NpgsqlDataSource dataSource)
{
    /// <summary>The document with its steps, or null when there is none or another client (or a clerk) submitted it.</summary>
    public async Task<ApiDocumentRecord?> FindAsync(Guid id, string client, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var document = await Sql.FirstAsync(c, null, ct, Read,
            """
            SELECT id, route, state, title, number, source_name, sha256, error, signed_sha256, signed_path, received_at, updated_at, filed_at
            FROM worker.documents WHERE id = $1 AND api_client = $2
            """, id, client);
        if (document is null) return null;
        var steps = await Sql.ListAsync(c, null, ct,
            r => new ApiStepRecord(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Time(r, 5), Time(r, 6), Text(r, 7)),
            """
            SELECT position, approver_name, approver_email, approver_position, state, asked_at, decided_at, reason
            FROM worker.approval_steps WHERE document_id = $1 ORDER BY position
            """, id);
        return document with { Steps = steps };
    }

    private static ApiDocumentRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), Route = r.GetString(1), State = Lifecycle.Parse(r.GetString(2)), Title = r.GetString(3), Number = Text(r, 4),
        SourceName = r.GetString(5), Sha256 = r.GetString(6), Error = Text(r, 7), SignedSha256 = Text(r, 8), SignedPath = Text(r, 9),
        ReceivedAt = Time(r, 10)!.Value, UpdatedAt = Time(r, 11)!.Value, FiledAt = Time(r, 12),
    };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) =>
        r.IsDBNull(i) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));
}
