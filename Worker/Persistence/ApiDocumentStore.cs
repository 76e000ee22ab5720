using Npgsql;

namespace Worker.Persistence;

/// <summary>Documents as API clients see them: each client only its own.</summary>
public sealed class ApiDocumentStore(NpgsqlDataSource dataSource)
{
    /// <summary>The document with its steps, or null when there is none or another client (or a clerk) submitted it.</summary>
    public async Task<ApiDocumentRecord?> FindAsync(Guid id, string client, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        if (await DocumentRecord.FindAsync(c, null, id, ct) is not { } d || d.ApiClient != client) return null;
        var steps = await Sql.ListAsync(c, null, ct,
            r => new ApiStepRecord(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Time(r, 5), Time(r, 6), Text(r, 7)),
            """
            SELECT position, approver_name, approver_email, approver_position, state, asked_at, decided_at, reason
            FROM worker.approval_steps WHERE document_id = $1 ORDER BY position
            """, id);
        return new ApiDocumentRecord
        {
            Id = d.Id, Route = d.Route, State = d.State, Title = d.Title, Number = d.Number, SourceName = d.SourceName, Sha256 = d.Sha256,
            Error = d.Error, SignedSha256 = d.SignedSha256, SignedPath = d.SignedPath, ReceivedAt = d.ReceivedAt, UpdatedAt = d.UpdatedAt,
            FiledAt = d.FiledAt, Steps = steps,
        };
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) =>
        r.IsDBNull(i) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));
}
