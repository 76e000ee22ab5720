namespace Worker.Configuration;

/// <summary><c>Worker:Timestamp</c>: an RFC 3161 time-stamp authority; empty means none.</summary>
public sealed class TimestampOptions
{
    public string Url { get; set; } = "";

    /// <summary>Archived files whose newest document timestamp's TSA certificate expires within this get a new one.</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Hash algorithms (SHA1, SHA256, SHA384, SHA512) and the date each stops being strong enough; a file whose newest document timestamp uses one gets a new timestamp RenewBefore that date.</summary>
    public Dictionary<string, DateTimeOffset> HashWeakFrom { get; set; } = [];

    /// <summary>How often the archive is looked through for files to re-timestamp.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromDays(1);
}
