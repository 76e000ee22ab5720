using System.Net;

namespace Worker.Configuration;

/// <summary>Checks <c>Worker:Web</c> and that a worker without dashboard users is reachable from this machine only.</summary>
public static class WebOptionsValidator
{
    /// <summary>Shortest key protection secret accepted, in bytes.</summary>
    public const int MinSecretBytes = 32;

    public static void Check(List<string> e, WorkerOptions o)
    {
        const string k = $"{WorkerOptions.Section}:Web";
        for (var i = 0; i < o.Web.KnownProxies.Count; i++)
            if (!IPAddress.TryParse(o.Web.KnownProxies[i], out _))
                e.Add($"{k}:KnownProxies:{i}: '{o.Web.KnownProxies[i]}' is not an IP address");
        var file = o.Web.KeyProtectionFile;
        if (string.IsNullOrWhiteSpace(file))
            e.Add($"{k}:KeyProtectionFile: must be set (a file with a random secret, e.g. 'head -c 32 /dev/urandom > data/secrets/keys.secret; chmod 600 data/secrets/keys.secret')");
        else if (!File.Exists(file)) e.Add($"{k}:KeyProtectionFile: file {Path.GetFullPath(file)} does not exist");
        else if (new FileInfo(file).Length < MinSecretBytes) e.Add($"{k}:KeyProtectionFile: file {Path.GetFullPath(file)} holds fewer than {MinSecretBytes} bytes");
        WorkerOptionsValidator.Positive(e, $"{k}:SessionLifetime", o.Web.SessionLifetime);
        // Without users the dashboard trusts this machine; anywhere else that would hand operator rights to every visitor.
        if (o.Dashboard.Users.Count == 0 && !(LoopbackAddress.AllLoopback(o.Urls) && LoopbackAddress.IsLoopbackUrl(o.PublicBaseUrl)))
            e.Add($"{WorkerOptions.Section}:Dashboard:Users: none configured, but {WorkerOptions.Section}:Urls '{o.Urls}' or " +
                  $"{WorkerOptions.Section}:PublicBaseUrl '{o.PublicBaseUrl}' is not loopback; add a user (Worker hash-password) before serving others");
    }
}
