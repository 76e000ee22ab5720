namespace Worker.Cli;

/// <summary>Splits a command's arguments into options (with or without a value) and positional values.</summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public ArgumentReader(string[] args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (valueOptions.Contains(arg))
            {
                if (i + 1 >= args.Length) throw new UsageException($"{arg} needs a value");
                _values[arg] = args[++i];
            }
            else if (flagOptions.Contains(arg))
            {
                _flags.Add(arg);
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                throw new UsageException($"unknown option '{arg}'");
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    /// <summary>Arguments that are not options, in order.</summary>
    public List<string> Positional { get; } = [];

    public string? Value(string option) => _values.GetValueOrDefault(option);

    public string Required(string option) => Value(option) ?? throw new UsageException($"{option} is required");

    public bool Flag(string option) => _flags.Contains(option);
}
