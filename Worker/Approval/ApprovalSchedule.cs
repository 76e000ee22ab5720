using Microsoft.Extensions.Options;
using Quartz;
using Worker.Configuration;

namespace Worker.Approval;

/// <summary>Puts the office-hours calendar and the sweep trigger into the clustered scheduler at start (replacing older versions).</summary>
public sealed class ApprovalSchedule(ISchedulerFactory schedulers, IOptions<OfficeHoursOptions> officeHours, IOptions<ApprovalOptions> approval) : IHostedService
{
    private const string JobName = "approval-sweep";

    public async Task StartAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct) ?? throw new InvalidOperationException("no Quartz scheduler");
        // Holidays and hours come from configuration, so every start replaces the stored calendar and recomputes the trigger.
        await scheduler.AddCalendar(OfficeHoursCalendar.Name, OfficeHoursCalendar.Build(officeHours.Value),
            AddCalendarOptions.ReplacingAndUpdatingTriggers, ct);
        var job = JobBuilder.Create<ApprovalSweepJob>().WithIdentity(JobName).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(JobName)
            .WithCalendarName(OfficeHoursCalendar.Name)
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(approval.Value.SweepEvery).RepeatForever())
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
