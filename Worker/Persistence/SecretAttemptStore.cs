using Npgsql;

namespace Worker.Persistence;

/// <summary>How many wrong secrets were typed on an approval link; the count is shared by every worker.</summary>
public sealed class SecretAttemptStore(NpgsqlDataSource dataSource)
{
    /// <summary>Wrong tries recorded for the link so far.</summary>
    public async Task<int> WrongAsync(byte[] tokenSha256, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT wrong FROM worker.secret_attempts WHERE token_sha256 = $1");
        command.Parameters.AddWithValue(tokenSha256);
        return await command.ExecuteScalarAsync(ct) is int n ? n : 0;
    }

    /// <summary>Counts one more wrong try and returns the new count.</summary>
    public async Task<int> RecordWrongAsync(byte[] tokenSha256, Guid stepId, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO worker.secret_attempts (token_sha256, step_id, wrong, last_wrong_at) VALUES ($1, $2, 1, $3)
            ON CONFLICT (token_sha256) DO UPDATE SET wrong = secret_attempts.wrong + 1, last_wrong_at = excluded.last_wrong_at
            RETURNING wrong
            """);
        command.Parameters.AddWithValue(tokenSha256);
        command.Parameters.AddWithValue(stepId);
        command.Parameters.AddWithValue(at);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }
}
