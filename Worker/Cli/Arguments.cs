namespace Worker.Cli;

/// <summary>Splits "--name value" options, "--flag" switches and positional words; unknown options are usage errors.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Arguments Parse(string[] args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string>? flagOptions = null)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (valueOptions.Contains(a))
            {
                if (i + 1 >= args.Length) throw new UsageException($"{a} needs a value");
                parsed.values[a] = args[++i];
            }
            else if (flagOptions?.Contains(a) == true) parsed.flags.Add(a);
            else if (a.StartsWith("--", StringComparison.Ordinal) || (a.StartsWith('-') && a.Length > 1))
                throw new UsageException($"unknown option {a}");
            else parsed.Positional.Add(a);
        }
        return parsed;
    }

    public string? Value(string name) => values.GetValueOrDefault(name);

    public bool Flag(string name) => flags.Contains(name);
}
