namespace Worker.Configuration;

/// <summary><c>Worker:Timestamp</c>: an RFC 3161 time-stamp authority; empty means none.</summary>
public sealed class TimestampOptions
{
    public string Url { get; set; } = "";

    /// <summary>Archived files whose newest document timestamp's TSA certificate expires within this get a new one.</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the archive is looked through for files to re-timestamp.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromDays(1);
}
