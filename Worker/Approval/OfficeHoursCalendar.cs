using Quartz;
using Quartz.Impl.Calendar;
using Worker.Configuration;

namespace Worker.Approval;

/// <summary>Office hours as a Quartz calendar: the daily window, inside workdays, outside holidays, in the office's time zone.</summary>
public static class OfficeHoursCalendar
{
    public const string Name = "office-hours";

    public static ICalendar Build(OfficeHoursOptions hours)
    {
        var zone = hours.Zone();
        var holidays = new HolidayCalendar { TimeZone = zone, Description = "holidays" };
        foreach (var day in hours.Holidays) holidays.AddExcludedDay(day);
        var week = new WeeklyCalendar(holidays) { TimeZone = zone, Description = "workdays" };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (hours.EffectiveWorkdays.Contains(day)) week.RemoveExcludedDay(day);
            else week.AddExcludedDay(day);
        }
        // Inverted: the range is the only time of day that is included.
        return new DailyCalendar(hours.Start, hours.End, week) { InvertTimeRange = true, TimeZone = zone, Description = "office hours" };
    }

    /// <summary>The first instant at or after <paramref name="at"/> inside office hours.</summary>
    public static DateTimeOffset NextOpen(ICalendar office, DateTimeOffset at) =>
        office.IsTimeIncluded(at) ? at : office.GetNextIncludedTimeUtc(at);
}
