namespace Worker.Cli;

/// <summary>Dispatches the first argument to a command; turns every failure into one line on stderr and an exit code.</summary>
public static class CommandLine
{
    public const string Usage =
        "usage: Worker [run] [--config FILE] | migrate [--config FILE] | sign ... | verify FILE [--trust PEM] [--extract-revision N OUT] | dev-certs DIR | hash-password | api-key NAME | audit verify" +
        " | documents list|show|retry|cancel ... | approvals resend ID | failed list|resubmit|done ... | signers check [NAME] (run 'Worker documents' for details)";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var name = args.Length == 0 || args[0].StartsWith('-') ? "run" : args[0];
        var rest = args.Length == 0 || args[0].StartsWith('-') ? args : args[1..];
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
                "help" or "--help" => Help(stdout),
                "sign" => await SignCommand.RunAsync(rest, stdout, stderr),
                "verify" => VerifyCommand.Run(rest, stdout, stderr),
                "dev-certs" => DevCertsCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"unknown command '{name}'. {Usage}"),
            };
        }
        catch (UsageException e)
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

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return ExitCode.Done;
    }
}
