namespace Worker.Configuration;

/// <summary><c>Worker:OfficeHours</c>: when reminders may go out.</summary>
public sealed class OfficeHoursOptions
{
    public string TimeZone { get; set; } = "Asia/Makassar";
    public TimeOnly Start { get; set; } = new(7, 30);
    public TimeOnly End { get; set; } = new(16, 0);
    public List<DayOfWeek> Workdays { get; set; } = [];
    /// <summary>Dates (yyyy-MM-dd) on which no reminder goes out.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>The configured zone (validated at start). A method, not a property, so the configuration binder leaves it alone.</summary>
    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Monday to Friday when none are configured (a bound list cannot have a default that configuration replaces).</summary>
    public IReadOnlyList<DayOfWeek> EffectiveWorkdays =>
        Workdays.Count > 0 ? Workdays : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}
