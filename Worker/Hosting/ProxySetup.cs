using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Worker.Configuration;

namespace Worker.Hosting;

public static class ProxySetup
{
    /// <summary>
    /// For a peer listed in Worker:Web:KnownProxies, the client address, scheme and host become those the proxy saw, so rate
    /// limits, lockouts, HTTPS checks and audit sources see the real client. Nobody else's headers count.
    /// </summary>
    public static WebApplication UseKnownProxies(this WebApplication app, WorkerOptions options)
    {
        if (options.Web.KnownProxies.Count > 0) app.UseForwardedHeaders(ForwardedFrom(options));
        return app;
    }

    /// <summary>With an https public address, plain-http requests are sent there (see <see cref="HttpsOnly"/>); else nothing.</summary>
    public static WebApplication UseHttpsOnly(this WebApplication app, WorkerOptions options)
    {
        if (options.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) app.Use(HttpsOnly(options.PublicBaseUrl));
        return app;
    }

    /// <summary>
    /// With an https public address, a request that arrived over plain http (directly, or as the proxy saw it) gets no page,
    /// cookie or login: it is sent to the same path at the public address. Liveness and readiness stay answerable for
    /// local monitoring.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> HttpsOnly(string publicBaseUrl) => (http, next) =>
    {
        if (http.Request.IsHttps || http.Request.Path.StartsWithSegments("/health")) return next(http);
        http.Response.StatusCode = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? StatusCodes.Status307TemporaryRedirect : StatusCodes.Status403Forbidden;
        http.Response.Headers.Location = publicBaseUrl.TrimEnd('/') + http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        return Task.CompletedTask;
    };

    private static ForwardedHeadersOptions ForwardedFrom(WorkerOptions options)
    {
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
        return forwarded;
    }
}
