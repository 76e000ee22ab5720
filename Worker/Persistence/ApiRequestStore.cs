using Npgsql;

namespace Worker.Persistence;

/// <summary>worker.api_requests: each client's Idempotency-Keys and the first answer given for each.</summary>
public sealed class ApiRequestStore(NpgsqlDataSource dataSource)
{
    /// <summary>The key's reservation: a new one with <paramref name="newId"/>, or the one an earlier request made.</summary>
    public async Task<ApiReservation> ReserveAsync(string client, string key, string fingerprint, Guid newId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await Sql.ExecuteAsync(c, null, ct,
            """
            INSERT INTO worker.api_requests (client, idempotency_key, document_id, fingerprint) VALUES ($1, $2, $3, $4)
            ON CONFLICT (client, idempotency_key) DO NOTHING
            """, client, key, newId, fingerprint);
        return (await Sql.FirstAsync(c, null, ct,
            r => new ApiReservation(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3)),
            "SELECT document_id, fingerprint, status_code, response FROM worker.api_requests WHERE client = $1 AND idempotency_key = $2",
            client, key))!;
    }

    /// <summary>Keeps the first answer; a later one for the same key (a race) leaves it as it is.</summary>
    public async Task SaveAnswerAsync(string client, string key, int statusCode, string response, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await Sql.ExecuteAsync(c, null, ct,
            "UPDATE worker.api_requests SET status_code = $3, response = $4 WHERE client = $1 AND idempotency_key = $2 AND status_code IS NULL",
            client, key, statusCode, response);
    }
}
