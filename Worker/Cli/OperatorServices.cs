using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;
using Worker.Approval;
using Worker.Configuration;
using Worker.Hosting;
using Worker.Operators;
using Worker.Persistence;

namespace Worker.Cli;

/// <summary>
/// What the operator commands need, without a web host or a Hangfire server: they read and write the shared database and
/// enqueue jobs into the shared Hangfire storage, where the running workers pick them up.
/// </summary>
internal static class OperatorServices
{
    /// <summary>Builds the services from the configuration (only bound: the route shares need not be mounted here) and runs <paramref name="command"/>.</summary>
    public static async Task<int> RunAsync(string? configFile, TextWriter stderr, Func<IServiceProvider, WorkerOptions, Task<int>> command)
    {
        var configuration = WorkerConfiguration.Build(configFile);
        WorkerOptions options;
        try
        {
            options = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException($"configuration: {e.Message.ReplaceLineEndings(" ")}");
        }
        var connectionString = DatabaseConnection.ConnectionString(options.Database);
        await using var services = Build(options, connectionString);
        try
        {
            return await command(services, options);
        }
        catch (NpgsqlException e)
        {
            await stderr.WriteLineAsync($"database {DatabaseConnection.Redacted(connectionString)}: {e.Message}");
            return ExitCode.Unexpected;
        }
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

    private static ServiceProvider Build(WorkerOptions options, string connectionString)
    {
        var services = new ServiceCollection();
        // No log providers: the command prints its one line, and the audit trail keeps the record.
        services.AddLogging();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<AuditLog>();
        services.AddSingleton(DelegationBook.Configured(options));
        services.AddSingleton<DelegationStore>();
        services.AddSingleton<ApprovalStore>();
        services.AddSingleton<DocumentQueries>();
        services.AddTransient<ApprovalLinks>();
        GlobalConfiguration.Configuration.UseWorkerSerialization();
        services.AddSingleton(_ => JobsSetup.CreateStorage(connectionString, prepareSchema: false));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddOperatorActions();
        return services.BuildServiceProvider();
    }
}
