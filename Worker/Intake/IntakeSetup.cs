using Quartz;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Intake;

public static class IntakeSetup
{
    /// <summary>Claiming, checking and recording a dropped file, for the watched folders and the API.</summary>
    public static IServiceCollection AddIntakeServices(this IServiceCollection services)
    {
        services.AddSingleton<IPdfInspector, EnginePdfInspector>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<FileClaimer>();
        services.AddSingleton<IntakeNormaliser>();
        services.AddSingleton<ClaimRecordStore>();
        services.AddSingleton<ClaimTrust>();
        services.AddSingleton<ClaimExaminer>();
        services.AddSingleton<IntakeProcessor>();
        services.AddSingleton<ClaimReconciler>();
        services.AddSingleton<IntakeSignals>();
        return services;
    }

    /// <summary>
    /// The daemon's part, the watched-folder intake: its folders in the data directory (made now, so only a daemon makes them),
    /// the watcher and the rescan. Call after AddPersistence, AddJobs and AddScheduler, so it starts last and stops first.
    /// </summary>
    public static WebApplicationBuilder AddIntake(this WebApplicationBuilder builder, WorkerOptions options)
    {
        var services = builder.Services;
        services.AddSingleton(new ContentStore(options.DataDirectory));
        services.AddSingleton(new ExamineAttempts(options.DataDirectory, options.Intake.MaxAttempts));
        services.AddHostedService<IntakeService>();
        services.AddQuartz(q =>
        {
            q.ScheduleJob<InboxRescanJob>(t => t
                .WithIdentity("intake-rescan", "intake")
                .StartAt(DateTimeOffset.UtcNow + options.Intake.RescanEvery)
                .WithSimpleSchedule(options.Intake.RescanEvery));
        });
        return builder;
    }
}
