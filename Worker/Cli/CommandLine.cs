using Worker.Configuration;

namespace Worker.Cli;

/// <summary>Dispatches the first argument to a command; turns every failure into one line on stderr and an exit code.</summary>
public static class CommandLine
{
    public const string Usage = "usage: Worker COMMAND [ARGS]; 'Worker --help' lists the commands, 'Worker COMMAND --help' shows one";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // A bare Worker is a newcomer's first try: say what there is rather than start a daemon; the daemon is 'Worker run'.
        if (args.Length == 0)
        {
            await stdout.WriteAsync(CommandHelp.Overview());
            return ExitCode.Usage;
        }
        var name = args[0];
        var rest = args[1..];
        if (name is "-h" or "--help" or "help")
        {
            await stdout.WriteAsync(rest.Length > 0 && CommandHelp.Knows(rest[0]) ? CommandHelp.For(rest[0]) : CommandHelp.Overview());
            return ExitCode.Done;
        }
        if (CommandHelp.Knows(name) && CommandHelp.Asked(rest))
        {
            await stdout.WriteAsync(CommandHelp.For(name));
            return ExitCode.Done;
        }
        if (name.StartsWith('-'))
        {
            await stderr.WriteLineAsync($"'{name}' is not a command; the daemon is 'Worker run {string.Join(' ', args)}'. {Usage}");
            return ExitCode.Usage;
        }
        try
        {
            return name switch
            {
                "run" => await RunCommand.RunAsync(rest, stderr),
                "migrate" => await MigrateCommand.RunAsync(rest, stdout, stderr),
                "audit" => await AuditCommand.RunAsync(rest, stdout, stderr),
                "documents" => await DocumentsCommand.RunAsync(rest, stdout, stderr),
                "approvals" => await ApprovalsCommand.RunAsync(rest, stdout, stderr),
                "failed" => await FailedCommand.RunAsync(rest, stdout, stderr),
                "signers" => await SignersCommand.RunAsync(rest, stdout, stderr),
                "hash-password" => HashPasswordCommand.Run(rest, Console.In, stdout, stderr),
                "api-key" => ApiKeyCommand.Run(rest, stdout),
                "sign" => await SignCommand.RunAsync(rest, stdout, stderr),
                "verify" => VerifyCommand.Run(rest, stdout, stderr),
                "dev-certs" => DevCertsCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"unknown command '{name}'. {Usage}"),
            };
        }
        catch (Exception e) when (e is UsageException or ConfigurationException)
        {
            await stderr.WriteLineAsync(e.Message);
            return ExitCode.Usage;
        }
        catch (Exception e)
        {
            // Operators and scripts read one line; a stack trace helps neither and may show paths and values.
            await stderr.WriteLineAsync($"error: {OneLine(e)}");
            return ExitCode.Unexpected;
        }
    }

    // Wrappers such as AggregateException or TargetInvocationException say little; the innermost cause says what went wrong.
    private static string OneLine(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && e.InnerException is not null)
            e = e.InnerException!;
        var message = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return message.Length > 0 ? message : e.GetType().Name;
    }
}
