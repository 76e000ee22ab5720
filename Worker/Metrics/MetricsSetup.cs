using Microsoft.Extensions.Options;
using Npgsql;
using Prometheus;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Metrics;

public static class MetricsSetup
{
    /// <summary>/metrics only for a signed-in dashboard user, or this machine where the public address is loopback; needs authentication before it.</summary>
    public static WebApplication UseMetricsGate(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WorkerOptions>>();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use(async (http, next) =>
        {
            if (!LoopbackAddress.IsTrustedLocal(http.Connection.RemoteIpAddress, options.Value.PublicBaseUrl) && http.User.Identity?.IsAuthenticated != true)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            await next();
        }));
        return app;
    }

    /// <summary>Prometheus at /metrics, behind <see cref="UseMetricsGate"/>.</summary>
    public static WebApplication MapWorkerMetrics(this WebApplication app)
    {
        var queries = app.Services.GetRequiredService<DocumentQueries>();
        var metrics = app.Services.GetRequiredService<WorkerMetrics>();
        metrics.Registry.AddBeforeCollectCallback(ct => RefreshDocumentCountsAsync(queries, metrics, ct));
        app.MapMetrics("/metrics", metrics.Registry);
        return app;
    }

    /// <summary>The counters and histograms the jobs and stores record into; served by <see cref="MapWorkerMetrics"/>.</summary>
    public static IServiceCollection AddWorkerMetrics(this IServiceCollection services)
    {
        services.AddSingleton<WorkerMetrics>();
        return services;
    }

    private static async Task RefreshDocumentCountsAsync(DocumentQueries queries, WorkerMetrics metrics, CancellationToken ct)
    {
        try
        {
            var seen = new HashSet<(string, string)>();
            foreach (var (route, state, count) in await queries.CountByRouteAndStateAsync(ct))
            {
                metrics.Documents.WithLabels(route, state).Set(count);
                seen.Add((route, state));
            }
            foreach (var labels in metrics.Documents.GetAllLabelValues())
                if (!seen.Contains((labels[0], labels[1]))) metrics.Documents.WithLabels(labels).Set(0);
        }
        catch (NpgsqlException)
        {
            // The database check in /health/ready reports this; the other series are still served.
        }
    }
}
