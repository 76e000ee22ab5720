using System.Globalization;

namespace Worker.Pdf.Stamp;

/// <summary>Formats instants as Central Indonesian Time, the way the stamp shows them.</summary>
internal static class WitaTime
{
    private static readonly TimeZoneInfo Makassar = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    /// <summary>Formats <paramref name="instant"/> as e.g. "27-11-2026 14:05 WITA".</summary>
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Makassar).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) + " WITA";
}
