using System.Globalization;

namespace Worker.Pdf.Stamp;

/// <summary>Formats the signing instant the way the stamp shows it, in the zone and with the label the caller configured.</summary>
internal static class StampTime
{
    /// <summary>Formats <paramref name="content"/>'s SignedAt as e.g. "27-11-2026 14:05 WITA".</summary>
    public static string Format(StampContent content) =>
        TimeZoneInfo.ConvertTime(content.SignedAt, content.TimeZone).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) + " " + content.TimeZoneLabel;
}
