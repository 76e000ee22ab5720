using Quartz;
using Worker.Configuration;
using RouteOptions = Worker.Configuration.RouteOptions;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>When a waiting approver gets the next reminder: RemindAfter since the last email, moved into office hours, capped, never after expiry.</summary>
public static class ReminderPolicy
{
    /// <summary>Null when no further reminder is due for this link.</summary>
    public static DateTimeOffset? NextReminderAt(ApprovalStep step, RouteOptions route, ICalendar office)
    {
        if (step.State != StepState.Waiting || step.RemindersSent >= route.MaxReminders) return null;
        if ((step.LastReminderAt ?? step.EmailSentAt) is not { } last) return null;
        var at = OfficeHoursCalendar.NextOpen(office, last + route.RemindAfter);
        return step.TokenExpiresAt is { } expires && at >= expires ? null : at;
    }
}
