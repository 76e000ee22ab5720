using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Worker.Persistence;

/// <summary>
/// Applies the numbered scripts in Persistence/Migrations with DbUp, one worker at a time; when a separate runtime role is
/// named, then grants it what it needs and no more (<see cref="RuntimeRoleGrants"/>).
/// </summary>
public sealed class DatabaseMigrator(string connectionString, ILogger logger, string? runtimeRole = null)
{
    // Any fixed number: every worker takes the same advisory lock, so two starting at once migrate one after the other.
    private const long MigrationLock = 0x5349474E_574B5201;

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
            await lockCommand.ExecuteNonQueryAsync(ct);
        try
        {
            // DbUp keeps its journal in our schema, so the schema has to exist before DbUp starts.
            await using (var schema = new NpgsqlCommand("CREATE SCHEMA IF NOT EXISTS worker", connection))
                await schema.ExecuteNonQueryAsync(ct);
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(".Persistence.Migrations."))
                .JournalToPostgresqlTable("worker", "schema_versions")
                .WithTransactionPerScript()
                .LogTo(new DbUpLog(logger))
                .Build();
            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
                throw new InvalidOperationException($"migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
            if (runtimeRole is not null && runtimeRole != new NpgsqlConnectionStringBuilder(connectionString).Username)
                await RuntimeRoleGrants.ApplyAsync(connection, runtimeRole, ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) => logger.LogInformation("Migrations: {Message}", string.Format(format, args));
        public void LogWarning(string format, params object[] args) => logger.LogWarning("Migrations: {Message}", string.Format(format, args));
        public void LogError(string format, params object[] args) => logger.LogError("Migrations: {Message}", string.Format(format, args));
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "Migrations: {Message}", string.Format(format, args));
    }
}
