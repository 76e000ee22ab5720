using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Worker.Signing;

/// <summary>/health/ready's <c>signers</c> entry: every signer can sign now (remote services reached, nothing signed).</summary>
public sealed class SignersHealthCheck(SignerReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var results = await readiness.CheckAsync(null, ct);
        var text = string.Join("; ", results.Select(r => r.Line));
        return results.All(r => r.Ready) ? HealthCheckResult.Healthy(text) : HealthCheckResult.Unhealthy(text);
    }
}
