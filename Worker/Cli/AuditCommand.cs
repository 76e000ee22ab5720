using Worker.Persistence;

namespace Worker.Cli;

/// <summary><c>Worker audit verify [--config FILE]</c>: walks the hash chain of the audit trail; exit 4 at the first broken link.</summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "verify") throw new UsageException("usage: Worker audit verify [--config FILE]");
        var parsed = Arguments.Parse(args[1..], ["--config"]);
        // Only the database, data directory and head key matter: verifying must work on a machine without the route shares.
        return await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, options) =>
        {
            var headKey = options.Audit.HeadKeyFile;
            var headFile = headKey.Length > 0 && File.Exists(headKey)
                ? new AuditHeadFile(Path.Combine(options.DataDirectory, AuditHeadFile.FileName), await File.ReadAllBytesAsync(headKey))
                : null;
            // The services' audit log knows no head file (only the daemon records one); this check reads the recorded head.
            var audit = headFile is null ? services.GetRequiredService<AuditLog>() : ActivatorUtilities.CreateInstance<AuditLog>(services, headFile);
            var check = await audit.VerifyAsync(CancellationToken.None);
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
        });
    }
}
