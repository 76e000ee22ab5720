using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Dashboard;

public static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<RouteFoldersHealthCheck>("route-folders");
        return builder;
    }

    /// <summary>
    /// /health says the process is alive; /health/ready runs every check, and lists each one (with paths and error texts)
    /// only to a signed-in dashboard user or this machine; anyone else gets the overall status.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteJson });
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var options = context.RequestServices.GetRequiredService<IOptions<WorkerOptions>>().Value;
        var detailed = context.User.Identity?.IsAuthenticated == true
            || LoopbackAddress.IsTrustedLocal(context.Connection.RemoteIpAddress, options.PublicBaseUrl);
        if (!detailed)
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }, JsonOptions));
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                detail = e.Value.Description ?? e.Value.Exception?.Message ?? "",
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
