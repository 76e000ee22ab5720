namespace Worker.Cli;

/// <summary>
/// Every command's arguments: "--name value" options, "--flag" switches and positional words; an option the command does not
/// know is a usage error, not a positional word.
/// </summary>
/// <remarks>
/// Ours rather than System.CommandLine: a command's option set is a handful of names, and every mistake must end as the one
/// line on stderr with exit code 2 that CommandLine.RunAsync prints for a UsageException, next to the hand-written help
/// (CommandHelp) with an example per command; System.CommandLine brings its own error list, help layout and exit codes, which
/// we would have to turn off again command by command.
/// </remarks>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    /// <summary>Arguments that are not options, in order.</summary>
    public List<string> Positional { get; } = [];

    public static Arguments Parse(string[] args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string>? flagOptions = null)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (valueOptions.Contains(arg))
            {
                if (i + 1 >= args.Length) throw new UsageException($"{arg} needs a value");
                parsed.values[arg] = args[++i];
            }
            else if (flagOptions?.Contains(arg) == true) parsed.flags.Add(arg);
            else if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'");
            else parsed.Positional.Add(arg);
        }
        return parsed;
    }

    public string? Value(string option) => values.GetValueOrDefault(option);

    public string Required(string option) => Value(option) ?? throw new UsageException($"{option} is required");

    public bool Flag(string option) => flags.Contains(option);
}
