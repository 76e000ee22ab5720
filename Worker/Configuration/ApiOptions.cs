namespace Worker.Configuration;

/// <summary><c>Worker:Api</c>: the other applications that may submit documents over HTTP.</summary>
public sealed class ApiOptions
{
    /// <summary>Requests one client may make per minute, unless its own entry says otherwise.</summary>
    public int RequestsPerMinute { get; set; } = 120;
    /// <summary>How long one webhook POST may take before it counts as failed and is retried.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public List<ApiClientOptions> Clients { get; set; } = [];
}
