using Npgsql;

namespace Worker.Tests.Support;

/// <summary>A row of worker.documents as tests check it.</summary>
public sealed record DocumentRow(
    Guid Id, string Route, string State, string SourceName, long SizeBytes, string Sha256, int? PageCount, string Title,
    string? Number, string? SubmitterEmail, string? Note, string? ContentPath, string? Error)
{
    private const string Columns =
        "id, route, state, source_name, size_bytes, sha256, page_count, title, number, submitter_email, note, content_path, error";

    /// <summary>Rows matching a WHERE clause with $1... parameters.</summary>
    public static async Task<List<DocumentRow>> QueryAsync(TestDatabase database, string where, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM worker.documents WHERE {where} ORDER BY received_at", connection);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<DocumentRow>();
        while (await reader.ReadAsync())
        {
            string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new DocumentRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetString(7), S(8), S(9), S(10), S(11), S(12)));
        }
        return rows;
    }

    /// <summary>How many hand-offs to approval were committed with this document (its StartApproval follow-ups).</summary>
    public static async Task<long> HandOffsAsync(TestDatabase database, Guid id) =>
        await database.ScalarAsync<long>($"SELECT count(*) FROM worker.follow_ups WHERE document_id = '{id}' AND kind = 'StartApproval'");

    /// <summary>How many Hangfire jobs hand this document to approval, once the relay has passed on its follow-ups.</summary>
    public static async Task<long> RelayedApprovalJobsAsync(TestDatabase database, Guid id)
    {
        await Eventually.Async(() => database.ScalarAsync<long>(
                $"SELECT count(*) FROM worker.follow_ups WHERE document_id = '{id}' AND dispatched_at IS NULL"), n => n == 0,
            TimeSpan.FromSeconds(120), $"follow-ups of {id} relayed");
        return await ApprovalJobsAsync(database, id);
    }

    /// <summary>How many Hangfire jobs hand this document to approval.</summary>
    public static async Task<long> ApprovalJobsAsync(TestDatabase database, Guid id) =>
        await database.ScalarAsync<long>(
            $"SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%{id}%' AND invocationdata::text LIKE '%IApprovalStarter%'");
}
