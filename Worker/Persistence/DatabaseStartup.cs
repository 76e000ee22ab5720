using Microsoft.Extensions.Options;
using Npgsql;
using Worker.Configuration;

namespace Worker.Persistence;

/// <summary>Waits for the database, then migrates it; the host does not go on until this is done.</summary>
public sealed partial class DatabaseStartup(NpgsqlDataSource dataSource, IOptions<DatabaseOptions> options, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.Value.StartupWait;
        while (true)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                break;
            }
            catch (NpgsqlException e) when (DateTime.UtcNow < deadline)
            {
                LogWaiting(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
            catch (NpgsqlException e)
            {
                throw new DatabaseUnavailableException(
                    $"database {DatabaseConnection.Redacted(dataSource.ConnectionString)} is unreachable: {e.Message}", e);
            }
        }
        // The data source hides its password, so the migrator gets the full connection string again.
        var database = options.Value;
        var runtimeRole = new NpgsqlConnectionStringBuilder(DatabaseConnection.ConnectionString(database)).Username;
        if (database.MigrationConnectionString.Length == 0) LogRuntimeOwnsAudit();
        await new DatabaseMigrator(DatabaseConnection.MigrationConnectionString(database), logger, runtimeRole).MigrateAsync(ct);
        LogReady();
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Waiting for the database: {Reason}")]
    private partial void LogWaiting(string reason);

    [LoggerMessage(LogLevel.Warning, "Worker:Database:MigrationConnectionString is not set: the worker's own role owns the audit table and could alter it")]
    private partial void LogRuntimeOwnsAudit();

    [LoggerMessage(LogLevel.Information, "Database reachable and migrated")]
    private partial void LogReady();
}
