using System.Net;
using Npgsql;
using Prometheus;
using Worker.Persistence;

namespace Worker.Metrics;

public static class MetricsSetup
{
    /// <summary>Prometheus at /metrics, for this machine or a signed-in dashboard user.</summary>
    public static WebApplication MapWorkerMetrics(this WebApplication app)
    {
        var queries = app.Services.GetRequiredService<DocumentQueries>();
        var metrics = app.Services.GetRequiredService<WorkerMetrics>();
        metrics.Registry.AddBeforeCollectCallback(ct => RefreshDocumentCountsAsync(queries, metrics, ct));
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use(async (http, next) =>
        {
            var remote = http.Connection.RemoteIpAddress;
            if (!(remote is not null && IPAddress.IsLoopback(remote)) && http.User.Identity?.IsAuthenticated != true)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            await next();
        }));
        app.MapMetrics("/metrics", metrics.Registry);
        return app;
    }

    public static WebApplicationBuilder AddWorkerMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkerMetrics>();
        return builder;
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
