using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Verification;
using Worker.Persistence;

namespace Worker.Verification;

public static class VerificationSetup
{
    /// <summary>The archive lookup, the trust anchors (the signing port's too) and the validation policies with their revocation client.</summary>
    public static IServiceCollection AddVerificationServices(this IServiceCollection services)
    {
        services.AddSingleton<VerificationStore>();
        services.AddSingleton(sp => VerificationPolicies.Anchors(sp.GetRequiredService<IOptions<WorkerOptions>>().Value));
        services.AddSingleton<VerificationPolicies>();
        // No retries, no redirects to elsewhere: an unreachable responder must turn into "unknown" within the timeout.
        services.AddHttpClient(VerificationPolicies.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false });
        return services;
    }

    /// <summary>The daemon's part: the per-client rate limit of /verify.</summary>
    public static WebApplicationBuilder AddVerification(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(VerifyEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) })));
        return builder;
    }
}
