using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Worker.Configuration;

/// <summary>Loads configuration in DESIGN.md's order: config/appsettings.json, then --config FILE, then environment variables.</summary>
public static partial class WorkerConfiguration
{
    public const string BaseFile = "config/appsettings.json";

    /// <summary>Adds the worker's sources to a builder, replacing whatever it had.</summary>
    public static void AddSources(IConfigurationBuilder builder, string? configFile)
    {
        builder.Sources.Clear();
        builder.AddJsonFile(Path.GetFullPath(BaseFile), optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            if (!File.Exists(configFile)) throw new ConfigurationException($"--config: file {Path.GetFullPath(configFile)} does not exist");
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }
        builder.AddEnvironmentVariables();
    }

    public static IConfigurationRoot Build(string? configFile)
    {
        var builder = new ConfigurationBuilder();
        try
        {
            AddSources(builder, configFile);
            return builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException($"configuration: {e.Message}");
        }
    }

    /// <summary>Binds and validates the Worker section; the first problem becomes a one-line <see cref="ConfigurationException"/>.</summary>
    public static WorkerOptions Load(IConfiguration configuration)
    {
        var options = Bind(configuration);
        var errors = WorkerOptionsValidator.Check(options);
        if (errors.Count > 0)
            throw new ConfigurationException(errors.Count == 1 ? errors[0] : $"{errors[0]} (and {errors.Count - 1} more problem(s))");
        return options;
    }

    /// <summary>
    /// Binds the Worker section without validating it as a whole (a command checks what it reads); a value that does not
    /// convert to its setting's type is a one-line <see cref="ConfigurationException"/>, never a setting dropped silently.
    /// </summary>
    public static WorkerOptions Bind(IConfiguration configuration)
    {
        if (SettingValues.FirstWrong(configuration.GetSection(WorkerOptions.Section), typeof(WorkerOptions)) is { } wrong)
            throw new ConfigurationException(wrong);
        try
        {
            return configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        }
        // SettingValues reaches every setting WorkerOptions has; this keeps one line should the binder find another.
        catch (InvalidOperationException e) when (ConversionFailure().Match(e.Message) is { Success: true } m)
        {
            var key = m.Groups["key"].Value;
            var name = m.Groups["type"].Value;
            var type = Type.GetType(name) ?? typeof(WorkerOptions).Assembly.GetType(name);
            throw new ConfigurationException($"{key}: '{configuration[key]}' {(type is null ? "is not a valid " + name : SettingValues.Expected(type))}");
        }
    }

    [GeneratedRegex("value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
