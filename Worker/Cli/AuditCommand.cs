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
        // Only the database, data directory and head key matter: verifying must work on a machine without the route shares.
        var options = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        var connectionString = DatabaseConnection.ConnectionString(options.Database);
        var headKey = options.Audit.HeadKeyFile;
        var headFile = headKey.Length > 0 && File.Exists(headKey)
            ? new AuditHeadFile(Path.Combine(options.DataDirectory, AuditHeadFile.FileName), await File.ReadAllBytesAsync(headKey))
            : null;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        AuditCheck check;
        try
        {
            check = await new AuditLog(dataSource, TimeProvider.System, headFile).VerifyAsync(CancellationToken.None);
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
        await stdout.WriteLineAsync($"audit chain intact: {check.EventsChecked} events" + (check.HeadChecked
            ? $"; the head recorded in {headFile!.Path} is in the chain"
            : headFile is null ? "; head not checked (Worker:Audit:HeadKeyFile is not set or missing)" : "; no head recorded yet"));
        return ExitCode.Done;
    }
}
