namespace Worker.Configuration;

/// <summary>The three ways an Indonesian office signs for an absent official (Permendagri 1/2023), as configuration and the command line write them.</summary>
public static class DelegationKinds
{
    /// <summary>Pelaksana Harian: a deputy for a short absence.</summary>
    public const string Plh = "Plh";
    /// <summary>Pelaksana Tugas: a deputy while the post is vacant or the official is away for long.</summary>
    public const string Plt = "Plt";
    /// <summary>Atas nama: a subordinate signs in the official's name, under their own position.</summary>
    public const string An = "an";

    /// <summary>Every kind, as written in configuration and on the command line.</summary>
    public static readonly IReadOnlyList<string> All = [Plh, Plt, An];

    /// <summary>The kind as written in configuration, or null; "a.n." and any case are accepted.</summary>
    public static string? Parse(string text) => text.Trim().TrimEnd('.').Replace(".", "").ToLowerInvariant() switch
    {
        "plh" => Plh,
        "plt" => Plt,
        "an" => An,
        _ => null,
    };

    /// <summary>The window's instants: from midnight of the first day to midnight after the last day, in the office zone.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        (Midnight(from, zone), Midnight(to.AddDays(1), zone));

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
