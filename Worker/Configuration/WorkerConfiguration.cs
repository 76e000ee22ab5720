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
        WorkerOptions options;
        if (NamedSettings.FirstWrong(configuration.GetSection(WorkerOptions.Section), typeof(WorkerOptions)) is { } wrong)
            throw new ConfigurationException($"{wrong.Section.Path}: '{wrong.Section.Value}' {Expected(wrong.Type.FullName!)}");
        try
        {
            options = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        }
        catch (InvalidOperationException e) when (ConversionFailure().Match(e.Message) is { Success: true } m)
        {
            var key = m.Groups["key"].Value;
            throw new ConfigurationException($"{key}: '{configuration[key]}' {Expected(m.Groups["type"].Value)}");
        }
        var errors = WorkerOptionsValidator.Check(options);
        if (errors.Count > 0)
            throw new ConfigurationException(errors.Count == 1 ? errors[0] : $"{errors[0]} (and {errors.Count - 1} more problem(s))");
        return options;
    }

    // Enum settings (EnumNameConverter) and the stamp page say what is allowed, as the validator's messages do: "must be Sequential or All".
    private static string Expected(string type) => typeof(WorkerOptions).Assembly.GetType(type) switch
    {
        { IsEnum: true } e => "must be " + Choice(Enum.GetNames(e)),
        { } t when t == typeof(StampPage) => StampPage.MustBe,
        _ => "is not a valid " + Friendly(type),
    };

    private static string Choice(string[] names) => names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];

    private static string Friendly(string type) => type switch
    {
        "System.TimeSpan" => "time span (write d.hh:mm:ss, e.g. 00:00:02)",
        "System.TimeOnly" => "time of day (write hh:mm)",
        "System.DateOnly" => "date (write yyyy-MM-dd)",
        "System.Int32" or "System.Int64" => "whole number",
        "System.Double" => "number",
        "System.Boolean" => "true/false value",
        "System.DayOfWeek" => "day name (Monday ... Sunday)",
        _ => type,
    };

    [GeneratedRegex("value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
