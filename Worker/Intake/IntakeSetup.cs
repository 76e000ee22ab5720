using Quartz;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Intake;

public static class IntakeSetup
{
    /// <summary>Watched-folder intake: call after AddPersistence, AddJobs and AddScheduler, so it starts last and stops first.</summary>
    public static WebApplicationBuilder AddIntake(this WebApplicationBuilder builder, WorkerOptions options)
    {
        var services = builder.Services;
        services.AddSingleton<IPdfInspector, EnginePdfInspector>();
        services.AddSingleton(new ContentStore(options.DataDirectory));
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<FileClaimer>();
        services.AddSingleton<IntakeNormaliser>();
        services.AddSingleton<ClaimRecordStore>();
        services.AddSingleton<ClaimTrust>();
        services.AddSingleton(new ExamineAttempts(options.DataDirectory, options.Intake.MaxAttempts));
        services.AddSingleton<ClaimExaminer>();
        services.AddSingleton<IntakeProcessor>();
        services.AddSingleton<ClaimReconciler>();
        services.AddSingleton<IntakeSignals>();
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
