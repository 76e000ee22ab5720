using Npgsql;

namespace Worker.Persistence;

/// <summary>Looks up a claim's document by id, so crash recovery never takes its route, name or API client from a file a clerk can write.</summary>
public sealed class ClaimRecordStore
{
    /// <summary>The recorded facts, or for a document not recorded yet only the API client that reserved its id (if any).</summary>
    public async Task<ClaimRecord> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct)
    {
        var row = await Sql.FirstAsync(connection, null, ct,
            r => new ClaimRecord(true, r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)),
            "SELECT route, source_name, api_client FROM worker.documents WHERE id = $1", id);
        if (row is not null) return row;
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
