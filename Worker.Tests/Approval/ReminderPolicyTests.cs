using Worker.Approval;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Tests.Approval;

public sealed class ReminderPolicyTests
{
    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);

    /// <summary>Friday 15 August 2025; Monday 18 August 2025 is a holiday (cuti bersama after Independence Day).</summary>
    private static readonly OfficeHoursOptions Hours = new() { Holidays = [new DateOnly(2025, 8, 18)] };

    private static readonly RouteOptions Route = new() { RemindAfter = TimeSpan.FromDays(1), MaxReminders = 2, ApprovalExpiry = TimeSpan.FromDays(7) };

    private static ApprovalStep Step(DateTimeOffset sent, int reminders = 0, DateTimeOffset? lastReminder = null, DateTimeOffset? expires = null) => new()
    {
        Id = Guid.NewGuid(), DocumentId = Guid.NewGuid(), Position = 1, ApproverEmail = "kadis@example.go.id", ApproverName = "Kadis",
        ApproverPosition = "", Language = "id", State = StepState.Waiting, TokenExpiresAt = expires ?? sent.AddDays(7), AskedAt = sent,
        RemindersSent = reminders, LastReminderAt = lastReminder, EmailState = "Sent", EmailAttempts = 0, EmailSentAt = sent,
    };

    [Fact]
    public void NextReminderAt_SkipsTheWeekendAndTheHoliday_WhenDueOnSaturday()
    {
        var office = OfficeHoursCalendar.Build(Hours);
        var friday = new DateTimeOffset(2025, 8, 15, 15, 0, 0, Wita);
        Assert.Equal(new DateTimeOffset(2025, 8, 19, 7, 30, 0, Wita), ReminderPolicy.NextReminderAt(Step(friday), Route, office));
    }

    [Fact]
    public void NextReminderAt_WaitsForTheMorning_WhenDueAfterOfficeHours()
    {
        var office = OfficeHoursCalendar.Build(Hours);
        var tuesdayEvening = new DateTimeOffset(2025, 8, 19, 17, 0, 0, Wita);
        Assert.Equal(new DateTimeOffset(2025, 8, 21, 7, 30, 0, Wita), ReminderPolicy.NextReminderAt(Step(tuesdayEvening), Route, office));
        var wednesdayNoon = new DateTimeOffset(2025, 8, 20, 12, 0, 0, Wita);
        Assert.Equal(new DateTimeOffset(2025, 8, 21, 12, 0, 0, Wita), ReminderPolicy.NextReminderAt(Step(wednesdayNoon), Route, office));
    }

    [Fact]
    public void NextReminderAt_IsNull_WhenTheCapIsReachedOrTheLinkExpiresFirst()
    {
        var office = OfficeHoursCalendar.Build(Hours);
        var friday = new DateTimeOffset(2025, 8, 15, 15, 0, 0, Wita);
        Assert.Null(ReminderPolicy.NextReminderAt(Step(friday, reminders: 2, lastReminder: friday.AddDays(4)), Route, office));
        Assert.Null(ReminderPolicy.NextReminderAt(Step(friday, expires: new DateTimeOffset(2025, 8, 19, 7, 0, 0, Wita)), Route, office));
    }

    [Fact]
    public void Build_ExcludesWeekendsHolidaysAndNights_InMakassarTime()
    {
        var office = OfficeHoursCalendar.Build(Hours);
        Assert.True(office.IsTimeIncluded(new DateTimeOffset(2025, 8, 15, 7, 30, 0, Wita)));
        Assert.True(office.IsTimeIncluded(new DateTimeOffset(2025, 8, 15, 15, 59, 0, Wita)));
        Assert.False(office.IsTimeIncluded(new DateTimeOffset(2025, 8, 15, 7, 29, 0, Wita)));
        Assert.False(office.IsTimeIncluded(new DateTimeOffset(2025, 8, 15, 16, 1, 0, Wita)));
        Assert.False(office.IsTimeIncluded(new DateTimeOffset(2025, 8, 16, 10, 0, 0, Wita)));
        Assert.False(office.IsTimeIncluded(new DateTimeOffset(2025, 8, 18, 10, 0, 0, Wita)));
        // 10:00 WITA is 02:00 UTC: the zone, not the server's clock, decides.
        Assert.True(office.IsTimeIncluded(new DateTimeOffset(2025, 8, 19, 2, 0, 0, TimeSpan.Zero)));
    }
}
