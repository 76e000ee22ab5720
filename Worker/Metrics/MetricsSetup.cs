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
        Prometheus.Metrics.DefaultRegistry.AddBeforeCollectCallback(ct => RefreshDocumentCountsAsync(queries, ct));
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
        app.MapMetrics("/metrics");
        return app;
    }

    private static async Task RefreshDocumentCountsAsync(DocumentQueries queries, CancellationToken ct)
    {
        try
        {
            var seen = new HashSet<(string, string)>();
            foreach (var (route, state, count) in await queries.CountByRouteAndStateAsync(ct))
            {
                WorkerMetrics.Documents.WithLabels(route, state).Set(count);
                seen.Add((route, state));
            }
            foreach (var labels in WorkerMetrics.Documents.GetAllLabelValues())
                if (!seen.Contains((labels[0], labels[1]))) WorkerMetrics.Documents.WithLabels(labels).Set(0);
        }
        catch (Exception e) when (e is NpgsqlException or ObjectDisposedException)
        {
            // The database check in /health/ready reports this (or, in tests, an earlier host is gone); the other series are still served.
        }
    }
}
