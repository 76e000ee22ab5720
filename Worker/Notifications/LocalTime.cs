namespace Worker.Notifications;

/// <summary>Times as people in the province read them: "12 Mei 2025 14.05 WITA", without depending on installed cultures.</summary>
public static class LocalTime
{
    private static readonly string[] MonthsId =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
    private static readonly string[] MonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The time in <paramref name="zone"/>, with its Indonesian abbreviation when it has one.</summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var months = language == "en" ? MonthsEn : MonthsId;
        var clock = language == "en" ? $"{local:HH}:{local:mm}" : $"{local:HH}.{local:mm}";
        return $"{local.Day} {months[local.Month - 1]} {local.Year} {clock} {Label(zone, local.Offset)}";
    }

    /// <summary>A sortable office time with its label and offset, for operators' lists: "2025-05-12 14:05 WITA (+08:00)".</summary>
    public static string WithOffset(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var sign = local.Offset < TimeSpan.Zero ? "-" : "+";
        return $"{local:yyyy-MM-dd HH:mm} {Label(zone, local.Offset)} ({sign}{local.Offset:hh\\:mm})";
    }

    /// <summary>WIB, WITA or WIT for Indonesia's zones, else the UTC offset.</summary>
    public static string Label(TimeZoneInfo zone, TimeSpan offset) => Worker.Configuration.TimeZoneLabel.Of(zone, offset);

    /// <summary>A size a person can read: "1,4 MB" or "1.4 MB".</summary>
    public static string Size(long bytes, string language)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        string Number(double v) => language == "en" ? v.ToString("0.#", culture) : v.ToString("0.#", culture).Replace('.', ',');
        return bytes switch
        {
            < 1024 => $"{bytes} B",
            < 1024 * 1024 => $"{Number(bytes / 1024.0)} KB",
            _ => $"{Number(bytes / (1024.0 * 1024))} MB",
        };
    }

    /// <summary>The first 16 hex digits of a SHA-256 in groups of four, enough to compare by eye.</summary>
    public static string ShortHash(string sha256Hex) =>
        string.Join(' ', Enumerable.Range(0, 4).Select(i => sha256Hex.Substring(i * 4, 4))).ToLowerInvariant();
}
