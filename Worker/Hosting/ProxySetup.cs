using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Worker.Configuration;

namespace Worker.Hosting;

public static class ProxySetup
{
    /// <summary>
    /// First in the pipeline: for a peer listed in Worker:Web:KnownProxies, the client address, scheme and host become those
    /// the proxy saw, so rate limits, lockouts, HTTPS checks and audit sources see the real client. Nobody else's headers count.
    /// </summary>
    public static WebApplication UseKnownProxies(this WebApplication app, WorkerOptions options)
    {
        if (options.Web.KnownProxies.Count == 0) return app;
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            // Only the proxy's own entry (the last) is believed; anything a client put before it is its own claim.
            ForwardLimit = 1,
        };
        // The defaults trust loopback; here only the configured addresses are proxies.
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        foreach (var proxy in options.Web.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(forwarded);
        return app;
    }
}
