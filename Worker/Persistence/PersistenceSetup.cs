using Npgsql;
using Worker.Configuration;

namespace Worker.Persistence;

public static class PersistenceSetup
{
    /// <summary>The database, its migrations at start and the audit log.</summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder, WorkerOptions options)
    {
        var connectionString = DatabaseConnection.ConnectionString(options.Database);
        builder.Services.AddSingleton(new NpgsqlDataSourceBuilder(connectionString).Build());
        builder.Services.AddSingleton(TimeProvider.System);
        // The audit head is recorded in this worker's data directory, signed with a key from outside the database.
        builder.Services.AddSingleton(new AuditHeadFile(
            Path.Combine(options.DataDirectory, AuditHeadFile.FileName), File.ReadAllBytes(options.Audit.HeadKeyFile)));
        builder.Services.AddSingleton<AuditLog>();
        // Read-only queries shared by the dashboard, metrics and the verification page.
        builder.Services.AddSingleton<DocumentQueries>();
        builder.Services.AddSingleton<IncidentStore>();
        builder.Services.AddSingleton<IncidentQueries>();
        // Registered before every other hosted service: nothing starts until the schema is current.
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHostedService<AuditHeadRecorder>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
