namespace Worker.Configuration;

/// <summary><c>Worker:Timestamp</c>: an RFC 3161 time-stamp authority; empty means none.</summary>
public sealed class TimestampOptions
{
    public string Url { get; set; } = "";
}
