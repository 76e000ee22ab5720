namespace Worker.Configuration;

/// <summary><c>Worker:Web</c>: how the web server sits behind a reverse proxy, and how its sessions and keys are protected.</summary>
public sealed class WebOptions
{
    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto/-Host headers are believed; nobody else's are.</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>File with a random secret (at least 32 bytes) that encrypts the data-protection keys kept in the database.</summary>
    public string KeyProtectionFile { get; set; } = "";
    /// <summary>A dashboard login ends this long after the password was typed, however active the session was.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
