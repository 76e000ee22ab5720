namespace Worker.Api;

/// <summary>
/// One configured application, as the running API knows it. A class, not a record: a record's ToString would print the
/// webhook secret into any log line that mentions the client.
/// </summary>
public sealed class ApiClient
{
    /// <summary>The client's name from configuration.</summary>
    public required string Name { get; init; }
    /// <summary>SHA-256 of its key.</summary>
    public required byte[] KeySha256 { get; init; }
    /// <summary>The routes it may submit to.</summary>
    public required IReadOnlySet<string> Routes { get; init; }
    /// <summary>Requests it may make per minute.</summary>
    public required int RequestsPerMinute { get; init; }
    /// <summary>Where its webhooks go; null for none.</summary>
    public Uri? WebhookUrl { get; init; }
    /// <summary>The HMAC key of its webhooks.</summary>
    public byte[] WebhookSecret { get; init; } = [];

    public override string ToString() => Name;
}
