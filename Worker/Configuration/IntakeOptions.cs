namespace Worker.Configuration;

/// <summary><c>Worker:Intake</c>: how inbox folders are watched.</summary>
public sealed class IntakeOptions
{
    /// <summary>A file is taken only once its size and time stayed unchanged this long.</summary>
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Full rescan period; network shares drop watcher events.</summary>
    public TimeSpan RescanEvery { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Larger files are refused.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
    /// <summary>A claim whose examination failed or crashed the worker this many times is quarantined to failed/ instead of examined again.</summary>
    public int MaxAttempts { get; set; } = 3;
}
