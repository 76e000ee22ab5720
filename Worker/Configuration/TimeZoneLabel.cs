namespace Worker.Configuration;

/// <summary>How people in Indonesia name a time zone: WITA, WIB, WIT; other zones by their UTC offset.</summary>
public static class TimeZoneLabel
{
    /// <summary>The label of <paramref name="zone"/> at <paramref name="offset"/>.</summary>
    public static string Of(TimeZoneInfo zone, TimeSpan offset) => zone.Id switch
    {
        "Asia/Makassar" => "WITA",
        "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
        "Asia/Jayapura" => "WIT",
        _ => offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}",
    };
}
