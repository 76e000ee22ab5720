using System.Globalization;

namespace Worker.Configuration;

/// <summary>Short office times for operators' screens and the stamp: "27-11-2026 14:05 WITA", in the configured zone with its label.</summary>
public static class OfficeTime
{
    /// <summary>The label of <paramref name="zone"/> at <paramref name="at"/>: WITA for Asia/Makassar, else per TimeZoneLabel.</summary>
    public static string Label(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneLabel.Of(zone, zone.GetUtcOffset(at));

    /// <summary>"dd-MM-yyyy HH:mm LABEL" in <paramref name="zone"/>.</summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) + " " + Label(at, zone);
}
