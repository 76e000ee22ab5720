using Npgsql;

namespace Worker.Tests.Support;

/// <summary>A database of its own for one test class on the real PostgreSQL that scripts/test.sh starts; dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private static readonly string Admin = Environment.GetEnvironmentVariable("WORKER_TEST_DB")
        ?? throw new InvalidOperationException(
            "WORKER_TEST_DB is not set: run the tests with scripts/test.sh, which starts PostgreSQL and sets it");

    // scripts/test.sh names its run, so it drops only the databases this run left behind, not those of a run beside it.
    private static readonly string Run = Environment.GetEnvironmentVariable("WORKER_TEST_RUN") is { Length: > 0 } run
        && run.All(char.IsAsciiLetterOrDigit) ? $"{run}_" : "";

    public string Name { get; } = $"wt_{Run}{Guid.NewGuid():N}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Admin) { Database = Name, Pooling = true }.ConnectionString;

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops the database. A backend this role may not signal (autovacuum) makes FORCE fail with 42501, so it retries, the plain
    /// DROP (which ends autovacuum itself) among the tries; so do a connection ended under it (57P01) and a drop slower than its
    /// timeout on a loaded machine (its checkpoint). A database that still will not go is reported, never a failed test.
    /// </summary>
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Exception? last = null;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            // 0, 1, 2, 4, 8, 8 s: time for a backend that was told to end (or an autovacuum worker) to go.
            if (attempt > 0) await Task.Delay(TimeSpan.FromSeconds(Math.Min(8, 1 << (attempt - 1))));
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin) { Pooling = false, Timeout = 60 }.ConnectionString);
                await connection.OpenAsync();
                var force = attempt % 2 == 0 ? " WITH (FORCE)" : "";
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\"{force}", connection) { CommandTimeout = 180 };
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (Exception e)
            {
                // Whatever it is, teardown never fails a class whose tests passed: scripts/test.sh drops what is left, as postgres.
                last = e;
            }
        }
        await Console.Error.WriteLineAsync($"test database cleanup: could not drop {Name} ({last?.Message.ReplaceLineEndings(" ")}); scripts/test.sh drops it at the end");
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
