using Npgsql;

namespace Worker.Persistence;

/// <summary>
/// A PostgreSQL session lock on one document id, held while a worker claims or recovers it. A crashed worker's
/// session ends, so its locks vanish with it; a live worker's claim is never recovered twice.
/// </summary>
public sealed class DocumentLock : IAsyncDisposable
{
    private readonly long key;

    private DocumentLock(NpgsqlConnection connection, Guid id, long key)
    {
        Connection = connection;
        DocumentId = id;
        this.key = key;
    }

    /// <summary>The connection that holds the lock; record the document through it.</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>The locked document.</summary>
    public Guid DocumentId { get; }

    /// <summary>Takes the lock, or returns null when another session holds it.</summary>
    public static async Task<DocumentLock?> TryAcquireAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var key = Key(id);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
            command.Parameters.AddWithValue(key);
            if (await command.ExecuteScalarAsync(ct) is true) return new DocumentLock(connection, id, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Connection.FullState == System.Data.ConnectionState.Open)
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", Connection);
                command.Parameters.AddWithValue(key);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        finally
        {
            await Connection.DisposeAsync();
        }
    }

    // Both halves of the id folded into the 64-bit key advisory locks take.
    private static long Key(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
