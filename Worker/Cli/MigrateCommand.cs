using Hangfire.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Cli;

/// <summary><c>Worker migrate [--config FILE]</c>: brings the database schema up to date and exits.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Arguments.Parse(args, ["--config"]);
        var configuration = WorkerConfiguration.Build(parsed.Value("--config"));
        // Only the database settings matter here: migrating must work on a machine without the route shares.
        var database = configuration.GetSection($"{WorkerOptions.Section}:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseConnection.ConnectionString(database);
        try
        {
            var runtimeRole = new NpgsqlConnectionStringBuilder(connectionString).Username;
            await new DatabaseMigrator(DatabaseConnection.MigrationConnectionString(database), NullLogger.Instance, runtimeRole)
                .MigrateAsync(CancellationToken.None);
            // Hangfire's schema belongs to the runtime role, which upgrades it itself when Hangfire changes.
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            PostgreSqlObjectsInstaller.Install(connection, "hangfire");
        }
        catch (NpgsqlException e)
        {
            await stderr.WriteLineAsync($"database {DatabaseConnection.Redacted(connectionString)}: {e.Message}");
            return ExitCode.Unexpected;
        }
        await stdout.WriteLineAsync("database schema is up to date");
        return ExitCode.Done;
    }
}
