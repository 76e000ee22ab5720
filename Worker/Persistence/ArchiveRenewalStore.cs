using Npgsql;

namespace Worker.Persistence;

/// <summary>Reads the filed documents' archived files and records a re-timestamped one with its audit event.</summary>
public sealed class ArchiveRenewalStore(NpgsqlDataSource dataSource, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ArchivedFile>> FiledAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, signed_path, signed_sha256 FROM worker.documents WHERE state = 'Filed' AND signed_path IS NOT NULL AND signed_sha256 IS NOT NULL ORDER BY filed_at");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var files = new List<ArchivedFile>();
        while (await reader.ReadAsync(ct))
            files.Add(new ArchivedFile { Id = reader.GetGuid(0), SignedPath = reader.GetString(1), SignedSha256 = reader.GetString(2) });
        return files;
    }

    /// <summary>Points the document at its renewed file, unless it changed meanwhile (another worker renewed it first).</summary>
    public async Task<bool> RecordRenewedAsync(ArchivedFile before, string path, string sha256, string detail, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            "UPDATE worker.documents SET signed_path = $2, signed_sha256 = $3, updated_at = now() WHERE id = $1 AND state = 'Filed' AND signed_sha256 = $4",
            connection, transaction);
        command.Parameters.AddWithValue(before.Id);
        command.Parameters.AddWithValue(path);
        command.Parameters.AddWithValue(sha256);
        command.Parameters.AddWithValue(before.SignedSha256);
        if (await command.ExecuteNonQueryAsync(ct) != 1) return false;
        await audit.AppendAsync(connection, transaction, new AuditEvent
        {
            At = clock.GetUtcNow(), DocumentId = before.Id, Actor = "worker", Action = "renewed", Detail = detail,
        }, ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
