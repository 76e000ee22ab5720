using Worker.Configuration;

namespace Worker.Cli;

/// <summary>Dispatches the first argument to a command; turns every failure into one line on stderr and an exit code.</summary>
public static class CommandLine
{
    public const string Usage = "usage: Worker COMMAND [ARGS]; 'Worker --help' lists the commands, 'Worker COMMAND --help' shows one";

    // Every command, by the name it is called with; CommandHelp has an entry for each (CommandHelpTests).
    private static readonly Dictionary<string, Func<string[], TextWriter, TextWriter, Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["run"] = (args, _, stderr) => RunCommand.RunAsync(args, stderr),
        ["migrate"] = MigrateCommand.RunAsync,
        ["audit"] = AuditCommand.RunAsync,
        ["documents"] = DocumentsCommand.RunAsync,
        ["approvals"] = ApprovalsCommand.RunAsync,
        ["failed"] = FailedCommand.RunAsync,
        ["delegation"] = DelegationCommand.RunAsync,
        ["signers"] = SignersCommand.RunAsync,
        ["hash-password"] = (args, stdout, stderr) => Task.FromResult(HashPasswordCommand.Run(args, Console.In, stdout, stderr)),
        ["api-key"] = (args, stdout, _) => Task.FromResult(ApiKeyCommand.Run(args, stdout)),
        ["sign"] = (args, stdout, stderr) => SignCommand.RunAsync(args, stdout, stderr),
        ["verify"] = (args, stdout, stderr) => Task.FromResult(VerifyCommand.Run(args, stdout, stderr)),
        ["dev-certs"] = (args, stdout, stderr) => Task.FromResult(DevCertsCommand.Run(args, stdout, stderr)),
    };

    /// <summary>The names of the commands, as dispatched.</summary>
    public static IReadOnlyCollection<string> Names => Commands.Keys;

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
            return Commands.TryGetValue(name, out var command)
                ? await command(rest, stdout, stderr)
                : throw new UsageException($"unknown command '{name}'. {Usage}");
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
