using Hangfire;
using Hangfire.Common;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Hosting;

public static class JobsSetup
{
    /// <summary>
    /// Hangfire's storage in the worker database and the client that enqueues into it, for the daemon and the command line alike;
    /// only the daemon prepares the schema (<paramref name="prepareSchema"/>), on first use.
    /// </summary>
    public static IServiceCollection AddJobClient(this IServiceCollection services, WorkerOptions options, bool prepareSchema)
    {
        // Registered before AddHangfire (which adds JobStorage.Current only if none is): that static is process-wide, so two
        // hosts in one process (the tests) would otherwise enqueue into and serve whichever database was configured last.
        services.AddSingleton<JobStorage>(_ => CreateStorage(DatabaseConnection.ConnectionString(options.Database), prepareSchema));
        // Ours, not AddHangfire's (which would also set Hangfire's process-wide log provider and activator from this container);
        // AddHangfire adds its client only if none is.
        services.AddSingleton<IBackgroundJobClient>(sp =>
        {
            GlobalConfiguration.Configuration.UseWorkerSerialization();
            return new BackgroundJobClient(sp.GetRequiredService<JobStorage>());
        });
        return services;
    }

    /// <summary>The daemon's part: a Hangfire server in this process, over the storage of <see cref="AddJobClient"/>.</summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        // Same for JobActivator.Current: each host's jobs must be built from its own container.
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        if (Environment.GetEnvironmentVariable(KillOnProcessingFilter.Variable) is { Length: > 0 } method)
            builder.Services.AddSingleton<Hangfire.States.IElectStateFilter>(new KillOnProcessingFilter(method));
        builder.Services.AddHangfire((services, c) => c.UseWorkerSerialization().UseStorage(services.GetRequiredService<JobStorage>()));
        builder.Services.AddHangfireServer((services, o) =>
        {
            // Our state filters (e.g. the signing retry policy) per server, not in Hangfire's process-wide filter list.
            var ours = new JobFilterCollection();
            foreach (var filter in services.GetServices<Hangfire.States.IElectStateFilter>()) ours.Add(filter);
            o.FilterProvider = new JobFilterProviderCollection(JobFilterProviders.Providers, ours);
            // Within the host's 30 s shutdown: running jobs get 25 s to finish, then are requeued.
            o.ShutdownTimeout = TimeSpan.FromSeconds(25);
            // Jobs wait on disk flushes, PostgreSQL and SMTP more than on the CPU; more workers keep signing from queueing behind mail.
            o.WorkerCount = Math.Max(10, Environment.ProcessorCount * 5);
            // Retries are scheduled jobs; the default 15 s poll would stretch a 5 s mail retry to 20 s.
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            // A killed worker's server entry goes within a minute too, so the dashboard shows who is really there.
            o.HeartbeatInterval = TimeSpan.FromSeconds(10);
            o.ServerTimeout = TimeSpan.FromMinutes(1);
            o.ServerCheckInterval = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    /// <summary>How long a job fetched by a worker that died stays invisible before another worker takes it.</summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Hangfire's storage in the worker database; the command line enqueues into it without preparing the schema.</summary>
    public static JobStorage CreateStorage(string connectionString, bool prepareSchema)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = prepareSchema,
            // The default 15 s poll would make every hand-off (approve → sign) wait; one second is cheap here.
            QueuePollInterval = TimeSpan.FromSeconds(1),
            // A job fetched by a worker that was killed is invisible to the others this long (default 30 min). The live worker
            // keeps refreshing its jobs' fetch time, so a long signing run is not fetched twice.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = InvisibilityTimeout,
            // A killed worker's lock on a job's state (taken while it moved the job to Processing) is a row nobody releases; the
            // default 10 min would keep that job from every survivor long after its fetch became visible again.
            DistributedLockTimeout = InvisibilityTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }

    /// <summary>How jobs are written; whoever enqueues (a worker, the command line) must write them as the servers read them.</summary>
    public static IGlobalConfiguration UseWorkerSerialization(this IGlobalConfiguration configuration) => configuration
        .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseTypeResolver(LegacyJobTypes.Resolve)
        .UseRecommendedSerializerSettings();
}
