using Worker.Configuration;
using Worker.Dashboard;
using Worker.Metrics;

namespace Worker.Hosting;

/// <summary>
/// Every middleware of the daemon, in the order a request meets it. The capabilities' Map* methods only add endpoints, and
/// endpoints run after all of this, so where a Map* call stands in <see cref="WorkerApplication"/> does not matter.
/// </summary>
public static class Middleware
{
    public static WebApplication UseWorkerMiddleware(this WebApplication app, WorkerOptions options)
    {
        // First: everything after reads the client's address, scheme or host, which a known proxy forwards.
        app.UseKnownProxies(options);
        // After the forwarded headers, whose scheme it checks; before any page, cookie or login is served over plain http.
        app.UseHttpsOnly(options);
        // Before everything that asks who is signed in: the dashboard gate, the metrics gate, health details, authorization.
        app.UseAuthentication();
        // Before the Hangfire dashboard it guards: browsers go to the login form, viewers may not post commands.
        app.UseDashboardGate();
        // Hangfire's dashboard is middleware that answers /hangfire itself, so it must come after its gate.
        app.UseWorkerDashboard();
        // Before the /metrics endpoint it guards.
        app.UseMetricsGate();
        // Before authorization, so API requests with an unknown or missing key are limited too; before the endpoints it limits.
        app.UseRateLimiter();
        // After authentication, whose user it checks; last, right before the endpoints.
        app.UseAuthorization();
        // Security headers are no middleware: each page group adds them as an endpoint filter (SecurityHeaders.AddAsync).
        return app;
    }
}
