namespace Worker.Configuration;

/// <summary>One application allowed to use the API; <c>Worker api-key NAME</c> prints a key and the hash to put here.</summary>
public sealed class ApiClientOptions
{
    /// <summary>Shown in logs, the audit trail and the dashboard; letters, digits, '-' or '_'.</summary>
    public string Name { get; set; } = "";
    /// <summary>Lowercase hex SHA-256 of the client's key; the key itself is never stored.</summary>
    public string KeySha256 { get; set; } = "";
    /// <summary>The routes this client may submit to.</summary>
    public List<string> Routes { get; set; } = [];
    /// <summary>Where state changes of its documents are POSTed; empty for none.</summary>
    public string WebhookUrl { get; set; } = "";
    /// <summary>File holding the secret that signs webhook bodies (HMAC-SHA256); required with <see cref="WebhookUrl"/>.</summary>
    public string WebhookSecretFile { get; set; } = "";
    /// <summary>Overrides <see cref="ApiOptions.RequestsPerMinute"/> for this client.</summary>
    public int? RequestsPerMinute { get; set; }
}
