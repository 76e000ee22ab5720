using System.Net;

namespace Worker.Configuration;

/// <summary>Which addresses and URLs are this machine; loopback is trusted only where the public address is loopback too.</summary>
public static class LoopbackAddress
{
    /// <summary>Whether every URL of a <c>;</c>-separated list names a loopback host.</summary>
    public static bool AllLoopback(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopbackUrl);

    public static bool IsLoopbackUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a request from <paramref name="remote"/> may have this machine's rights (dashboard without users, /metrics,
    /// health details). Behind a proxy on the same host every visitor arrives from loopback, so a public address that is
    /// not loopback means loopback proves nothing.
    /// </summary>
    public static bool IsTrustedLocal(IPAddress? remote, string publicBaseUrl) =>
        remote is not null && IPAddress.IsLoopback(remote) && IsLoopbackUrl(publicBaseUrl);
}
