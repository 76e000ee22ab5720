using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Api;

public static class ApiSetup
{
    /// <summary>Clients and their keys, submissions, the webhook store and delivery job.</summary>
    public static IServiceCollection AddApiServices(this IServiceCollection s, WorkerOptions options)
    {
        s.AddSingleton<ApiClients>();
        s.AddSingleton<ApiRequestStore>();
        s.AddSingleton<ApiDocumentStore>();
        s.AddSingleton<WebhookEventStore>();
        s.AddTransient<ApiSubmissions>();
        s.AddTransient<WebhookDeliveryJob>();
        s.AddHttpClient(WebhookDeliveryJob.HttpClientName, c => c.Timeout = options.Api.WebhookTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return s;
    }

    /// <summary>The daemon's part: the webhook dispatcher, API-key authentication, the per-client rate limit and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder, WorkerOptions options)
    {
        var s = builder.Services;
        // Without clients no document has one, so there is nothing to announce.
        if (options.Api.Clients.Count > 0) s.AddHostedService<WebhookDispatcher>();

        s.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        s.AddAuthorizationBuilder().AddPolicy(ApiEndpoints.AuthorizationPolicy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        s.AddRateLimiter(o => o.AddPolicy(ApiEndpoints.RateLimitPolicy, http =>
        {
            // Partitioned by client before authorization runs; requests with no known key share their address's budget.
            var client = ApiClients.BearerKey(http.Request.Headers.Authorization) is { } key
                ? http.RequestServices.GetRequiredService<ApiClients>().Authenticate(key)
                : null;
            var partition = client is null ? "address:" + http.Connection.RemoteIpAddress : "client:" + client.Name;
            var limit = client?.RequestsPerMinute ?? options.Api.RequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(partition,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        s.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiOpenApiTransformer>();
        });
        return builder;
    }

    /// <summary>/api/documents and /openapi/v1.json; the host's UseRateLimiter runs before UseAuthorization, so unknown keys are limited too.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapApiEndpoints();
        return app;
    }
}
