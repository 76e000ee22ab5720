using Microsoft.Extensions.Diagnostics.HealthChecks;
using Worker.Configuration;
using Worker.Filing;

namespace Worker.Dashboard;

/// <summary>Ready only while every route's folders exist and take a new file (a share that went read-only shows here).</summary>
public sealed class RouteFoldersHealthCheck(RouteBook routes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var problems = new List<string>();
        var checkedFolders = 0;
        foreach (var route in routes.All)
        {
            foreach (var folder in new[] { route.Inbox, route.Declined, route.Failed })
            {
                checkedFolders++;
                if (WritableFolder.Problem(folder) is { } problem) problems.Add($"{route.Name}: {problem}");
            }
        }
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"{checkedFolders} route folders present and writable")
            : HealthCheckResult.Unhealthy(string.Join("; ", problems)));
    }
}
