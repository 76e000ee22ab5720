using Npgsql;
using Worker.Configuration;

namespace Worker.Persistence;

public static class PersistenceSetup
{
    /// <summary>The database, the audit log, and the stores and queries over them; built on first use, so registering touches nothing.</summary>
    public static IServiceCollection AddPersistenceServices(this IServiceCollection services, WorkerOptions options)
    {
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(DatabaseConnection.ConnectionString(options.Database)).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditLog>();
        // Read-only queries shared by the dashboard, metrics and the verification page.
        services.AddSingleton<DocumentQueries>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<IncidentQueries>();
        return services;
    }

    /// <summary>The daemon's part: migrations at start, the audit head recorded outside the database, the database health check.</summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder, WorkerOptions options)
    {
        // The audit head is recorded in this worker's data directory, signed with a key from outside the database. Only the
        // daemon records it (every few seconds, so a command line's event is covered too): a command may run on another machine.
        builder.Services.AddSingleton(new AuditHeadFile(
            Path.Combine(options.DataDirectory, AuditHeadFile.FileName), File.ReadAllBytes(options.Audit.HeadKeyFile)));
        // Registered before every other hosted service: nothing starts until the schema is current.
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHostedService<AuditHeadRecorder>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
