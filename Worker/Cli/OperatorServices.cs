using Microsoft.Extensions.Options;
using Npgsql;
using Worker.Configuration;
using Worker.Hosting;
using Worker.Operators;
using Worker.Persistence;

namespace Worker.Cli;

/// <summary>
/// What the commands need, built from the daemon's own registrations (<see cref="WorkerServices"/>) without its daemon part: no
/// web host, no Hangfire server, no schema preparation, no log output. They read and write the shared database and enqueue
/// jobs into the shared Hangfire storage, where the running workers pick them up.
/// </summary>
internal static class OperatorServices
{
    /// <summary>Builds the services from the configuration (only bound: the route shares need not be mounted here) and runs <paramref name="command"/>.</summary>
    public static async Task<int> RunAsync(string? configFile, TextWriter stderr, Func<IServiceProvider, WorkerOptions, Task<int>> command)
    {
        var configuration = WorkerConfiguration.Build(configFile);
        var options = WorkerConfiguration.Bind(configuration);
        var connectionString = DatabaseConnection.ConnectionString(options.Database);
        await using var services = Build(configuration, options);
        try
        {
            return await command(services, services.GetRequiredService<IOptions<WorkerOptions>>().Value);
        }
        catch (NpgsqlException e)
        {
            await stderr.WriteLineAsync($"database {DatabaseConnection.Redacted(connectionString)}: {e.Message}");
            return ExitCode.Unexpected;
        }
    }

    /// <summary>
    /// The worker's services for a command: the daemon's registrations, options bound but not checked as a whole (a command
    /// checks what it reads), and logging without providers (the command prints its lines, the audit trail keeps the record).
    /// </summary>
    public static ServiceProvider Build(IConfiguration configuration, WorkerOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkerServices(configuration, options, prepareJobSchema: false);
        return services.BuildServiceProvider();
    }

    /// <summary>Who the audit trail names: --as, else the OS user; from this machine's command line.</summary>
    public static OperatorIdentity Identity(string? name) => new()
    {
        Name = string.IsNullOrWhiteSpace(name) ? Environment.UserName : name.Trim(),
        Source = $"cli@{Environment.MachineName}",
    };

    /// <summary>Parses a document (or step) id, or says what is wrong with it.</summary>
    public static Guid Id(IReadOnlyList<string> positional, string usage)
    {
        if (positional.Count != 1) throw new UsageException(usage);
        return Guid.TryParse(positional[0], out var id) ? id : throw new UsageException($"'{positional[0]}' is not a document id (a GUID)");
    }

    /// <summary>Prints the result: the line on stdout when done (exit 0), else on stderr (exit 2).</summary>
    public static async Task<int> ReportAsync(OperatorResult result, TextWriter stdout, TextWriter stderr)
    {
        if (result.Outcome == OperatorOutcome.Done)
        {
            await stdout.WriteLineAsync(result.Message);
            return ExitCode.Done;
        }
        await stderr.WriteLineAsync(result.Message);
        return ExitCode.Usage;
    }
}
