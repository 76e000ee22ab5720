using Npgsql;

namespace Worker.Persistence;

/// <summary>Looks up a claim's document by id, so crash recovery never takes its route, name or API client from a file a clerk can write.</summary>
public sealed class ClaimRecordStore
{
    /// <summary>The recorded facts, or for a document not recorded yet only the API client that reserved its id (if any).</summary>
    public async Task<ClaimRecord> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct)
    {
        if (await DocumentRecord.FindAsync(connection, null, id, ct) is { } d) return new ClaimRecord(true, d.Route, d.SourceName, d.ApiClient);
        var client = await Sql.FirstAsync(connection, null, ct, r => r.GetString(0),
            """
            SELECT client FROM worker.upload_claims WHERE document_id = $1
            UNION ALL
            SELECT client FROM worker.api_requests WHERE document_id = $1
            LIMIT 1
            """, id);
        return new ClaimRecord(false, null, null, client);
    }

    /// <summary>Notes that <paramref name="client"/> uploads document <paramref name="id"/>, before its file is claimed.</summary>
    public async Task RecordUploadAsync(NpgsqlConnection connection, Guid id, string client, CancellationToken ct) =>
        await Sql.ExecuteAsync(connection, null, ct,
            "INSERT INTO worker.upload_claims (document_id, client) VALUES ($1, $2) ON CONFLICT (document_id) DO NOTHING", id, client);
}
