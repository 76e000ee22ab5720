using Npgsql;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Cli;

/// <summary><c>Worker audit verify [--config FILE]</c>: walks the hash chain of the audit trail; exit 4 at the first broken link.</summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "verify") throw new UsageException("usage: Worker audit verify [--config FILE]");
        var parsed = Arguments.Parse(args[1..], ["--config"]);
        var configuration = WorkerConfiguration.Build(parsed.Value("--config"));
        var database = configuration.GetSection($"{WorkerOptions.Section}:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseConnection.ConnectionString(database);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        AuditCheck check;
        try
        {
            check = await new AuditLog(dataSource, TimeProvider.System).VerifyAsync(CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            await stderr.WriteLineAsync($"database {DatabaseConnection.Redacted(connectionString)}: {e.Message}");
            return ExitCode.Unexpected;
        }
        if (check.FirstBreak is { } broken)
        {
            await stdout.WriteLineAsync(
                $"audit chain BROKEN at event {broken.Seq}: {broken.Reason}; the {broken.CheckedBefore} events before it are intact");
            return ExitCode.SignatureInvalid;
        }
        await stdout.WriteLineAsync($"audit chain intact: {check.EventsChecked} events");
        return ExitCode.Done;
    }
}
