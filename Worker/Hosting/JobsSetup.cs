using Hangfire;
using Hangfire.PostgreSql;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Hosting;

public static class JobsSetup
{
    /// <summary>Hangfire on PostgreSQL: storage, a server in this process.</summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder, WorkerOptions options)
    {
        var connectionString = DatabaseConnection.ConnectionString(options.Database);
        builder.Services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                // The default 15 s poll would make every hand-off (approve → sign) wait; one second is cheap here.
                QueuePollInterval = TimeSpan.FromSeconds(1),
            }));
        builder.Services.AddHangfireServer(o =>
        {
            // Within the host's 30 s shutdown: running jobs get 25 s to finish, then are requeued.
            o.ShutdownTimeout = TimeSpan.FromSeconds(25);
            o.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
            // Retries are scheduled jobs; the default 15 s poll would stretch a 5 s mail retry to 20 s.
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        return builder;
    }
}
