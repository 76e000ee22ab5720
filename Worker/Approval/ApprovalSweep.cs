using Microsoft.Extensions.Options;
using Quartz;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>Inside office hours: ends documents whose link expired, and queues due reminders.</summary>
public sealed partial class ApprovalSweep(
    ApprovalSweepStore store, DelegationStore delegations, RouteBook routes, IOptions<OfficeHoursOptions> officeHours,
    TimeProvider clock, ILogger<ApprovalSweep> logger)
{
    private readonly ICalendar office = OfficeHoursCalendar.Build(officeHours.Value);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The Quartz trigger keeps to office hours already; checking again keeps a late (misfired) run from mailing at night.
        if (!office.IsTimeIncluded(now)) return;
        await ExpireAsync(now, ct);
        await RemindAsync(now, ct);
    }

    private async Task ExpireAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (step, document) in await store.ExpiredAsync(now, ct))
        {
            var route = routes.Find(document.Route);
            // A deputy's link that ran out with the delegation is not the end of the document: the official gets a new link.
            if (route is not null && await delegations.HandBackAsync(step.Id, route.ApprovalExpiry, now, ct) is not null)
            {
                LogHandedBack(document.Id, step.ApproverEmail);
                continue;
            }
            var outbox = await store.ExpireAsync(step.Id, routes.NotifyAddress(document.Route, document.SubmitterEmail), now, ct);
            if (outbox is null) continue;
            LogExpired(document.Id, step.ApproverEmail);
        }
    }

    private async Task RemindAsync(DateTimeOffset now, CancellationToken ct)
    {
        var queued = 0;
        foreach (var candidate in await store.ReminderCandidatesAsync(now, ct))
        {
            if (routes.Find(candidate.Route) is not { } route) continue;
            if (ReminderPolicy.NextReminderAt(candidate.Step, route, office) is not { } due || due > now) continue;
            if (await store.AddReminderAsync(candidate.Step, now, ct) is not null) queued++;
        }
        if (queued > 0) LogReminders(queued);
    }

    [LoggerMessage(LogLevel.Information, "Document {DocumentId} expired: {Approver} did not answer in time")]
    private partial void LogExpired(Guid documentId, string approver);

    [LoggerMessage(LogLevel.Information, "Document {DocumentId}: the delegation of {Deputy} is over; the request went back to the official")]
    private partial void LogHandedBack(Guid documentId, string deputy);

    [LoggerMessage(LogLevel.Information, "{Count} reminder(s) queued")]
    private partial void LogReminders(int count);
}
