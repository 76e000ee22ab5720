using Npgsql;

namespace Worker.Persistence;

/// <summary>How many wrong secrets were typed on an approval link; the count is shared by every worker and each wrong try is audited.</summary>
public sealed class SecretAttemptStore(NpgsqlDataSource dataSource, AuditLog audit)
{
    /// <summary>Audit action of a wrong passphrase or code (the detail holds the try's number, never what was typed).</summary>
    public const string WrongAction = "secret-wrong";
    /// <summary>Audit action when a link stops signing after too many wrong tries.</summary>
    public const string PausedAction = "signing-paused";

    /// <summary>Wrong tries recorded for the link so far.</summary>
    public async Task<int> WrongAsync(byte[] tokenSha256, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT wrong FROM worker.secret_attempts WHERE token_sha256 = $1");
        command.Parameters.AddWithValue(tokenSha256);
        return await command.ExecuteScalarAsync(ct) is int n ? n : 0;
    }

    /// <summary>Counts one more wrong try, audits it (and the pause when the count reaches <paramref name="pauseAt"/>), and returns the new count.</summary>
    public async Task<int> RecordWrongAsync(byte[] tokenSha256, WrongSecret wrong, int pauseAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO worker.secret_attempts (token_sha256, step_id, wrong, last_wrong_at) VALUES ($1, $2, 1, $3)
            ON CONFLICT (token_sha256) DO UPDATE SET wrong = secret_attempts.wrong + 1, last_wrong_at = excluded.last_wrong_at
            RETURNING wrong
            """, connection, transaction);
        command.Parameters.AddWithValue(tokenSha256);
        command.Parameters.AddWithValue(wrong.StepId);
        command.Parameters.AddWithValue(wrong.At);
        var count = (int)(await command.ExecuteScalarAsync(ct))!;
        AuditEvent Event(string action, string detail) => new()
        {
            At = wrong.At, DocumentId = wrong.DocumentId, Actor = wrong.Actor, Action = action, Detail = detail, Source = wrong.Source,
        };
        await audit.AppendAsync(connection, transaction, Event(WrongAction, $"step {wrong.Position}: try {count} of {pauseAt}"), ct);
        if (count == pauseAt)
            await audit.AppendAsync(connection, transaction, Event(PausedAction, $"step {wrong.Position}: the link signs no more after {count} wrong tries"), ct);
        await transaction.CommitAsync(ct);
        return count;
    }
}
