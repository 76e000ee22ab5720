using Microsoft.Extensions.Diagnostics.HealthChecks;
using Worker.Signing.Watch;

namespace Worker.Signing;

/// <summary>/health/ready's <c>signers</c> entry: the signers' latest check (made at start and every Signing:CheckEvery), never a signature per request.</summary>
public sealed class SignersHealthCheck(SignerWatch watch) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var results = watch.Latest.Count > 0 ? watch.Latest : await watch.CheckAsync(ct);
        var text = string.Join("; ", results.Select(r => r.Line));
        return results.All(r => r.Ready) ? HealthCheckResult.Healthy(text) : HealthCheckResult.Unhealthy(text);
    }
}
