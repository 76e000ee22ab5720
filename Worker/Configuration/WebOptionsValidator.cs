using System.Net;

namespace Worker.Configuration;

/// <summary>Checks <c>Worker:Web</c>, the key files kept outside the database, and that a worker without dashboard users is reachable from this machine only.</summary>
public static class WebOptionsValidator
{
    /// <summary>Shortest key protection secret accepted, in bytes.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>A key file that must exist and hold a real secret.</summary>
    public static void SecretFile(List<string> e, string key, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            e.Add($"{key}: must be set (a file with a random secret: 'head -c 32 /dev/urandom > FILE; chmod 600 FILE')");
        else if (!File.Exists(path)) e.Add($"{key}: file {Path.GetFullPath(path)} does not exist");
        else if (new FileInfo(path).Length < MinSecretBytes) e.Add($"{key}: file {Path.GetFullPath(path)} holds fewer than {MinSecretBytes} bytes");
    }

    public static void Check(List<string> e, WorkerOptions o)
    {
        const string k = $"{WorkerOptions.Section}:Web";
        for (var i = 0; i < o.Web.KnownProxies.Count; i++)
            if (!IPAddress.TryParse(o.Web.KnownProxies[i], out _))
                e.Add($"{k}:KnownProxies:{i}: '{o.Web.KnownProxies[i]}' is not an IP address");
        SecretFile(e, $"{k}:KeyProtectionFile", o.Web.KeyProtectionFile);
        SecretFile(e, $"{WorkerOptions.Section}:Audit:HeadKeyFile", o.Audit.HeadKeyFile);
        WorkerOptionsValidator.Positive(e, $"{k}:SessionLifetime", o.Web.SessionLifetime);
        // Without users the dashboard trusts this machine; anywhere else that would hand operator rights to every visitor.
        if (o.Dashboard.Users.Count == 0 && !(LoopbackAddress.AllLoopback(o.Urls) && LoopbackAddress.IsLoopbackUrl(o.PublicBaseUrl)))
            e.Add($"{WorkerOptions.Section}:Dashboard:Users: none configured, but {WorkerOptions.Section}:Urls '{o.Urls}' or " +
                  $"{WorkerOptions.Section}:PublicBaseUrl '{o.PublicBaseUrl}' is not loopback; add a user (Worker hash-password) before serving others");
    }
}
