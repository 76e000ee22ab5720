using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Worker.Configuration;
using Npgsql;
using Quartz;
using Worker.Approval.Queue;
using Worker.Notifications;
using Worker.Persistence;

namespace Worker.Approval;

public static class ApprovalSetup
{
    /// <summary>Steps, links (those of request mails too), decisions, delegations, the queue and the sweeps' work, resolved on demand.</summary>
    public static IServiceCollection AddApprovalServices(this IServiceCollection s, WorkerOptions options)
    {
        s.AddSingleton(_ => DelegationBook.Configured(options));
        s.AddSingleton<DelegationStore>();
        s.AddSingleton<ApprovalStore>();
        s.AddSingleton<SigningAvailability>();
        s.AddSingleton<DecisionStore>();
        s.AddSingleton<ApprovalSweepStore>();
        s.AddSingleton<OutboxStore>();
        s.AddSingleton<FollowUpStore>();
        s.AddTransient<IApprovalStarter, ApprovalStarter>();
        s.AddTransient<IApprovalRequestLinks, ApprovalRequestLinks>();
        s.AddTransient<DeclinedFiling>();
        s.AddTransient<ApprovalDecisions>();
        s.AddTransient<SecretApproval>();
        s.AddSingleton<SecretAttemptStore>();
        s.AddTransient<ApprovalLinks>();
        s.AddSingleton<ApprovalPageImages>();
        s.AddSingleton<ApprovalPageAccess>();
        s.AddSingleton<QueueStore>();
        s.AddTransient<QueueDecisions>();
        s.AddTransient<ApprovalSweep>();
        s.AddTransient<ApprovalSweepJob>();
        s.AddSingleton<SweepStore>();
        s.AddTransient<LifecycleSweep>();
        s.AddTransient<LifecycleSweepJob>();
        return s;
    }

    /// <summary>The daemon's part: the follow-up relay, the office-hours sweep, the lifecycle sweep's schedule, antiforgery and the per-client rate limit.</summary>
    public static WebApplicationBuilder AddApproval(this WebApplicationBuilder builder, WorkerOptions options)
    {
        var s = builder.Services;
        s.AddHostedService<FollowUpRelay>();
        s.AddHostedService<ApprovalSchedule>();
        s.AddQuartz(q => q.ScheduleJob<LifecycleSweepJob>(t => t
            .WithIdentity("lifecycle-sweep", "lifecycle")
            .StartAt(DateTimeOffset.UtcNow + LifecycleSweepJob.Every)
            .WithSimpleSchedule(LifecycleSweepJob.Every)));

        // Antiforgery tokens are protected with the data-protection keys that Hosting keeps in the shared database.
        var https = options.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        s.AddAntiforgery(o =>
        {
            o.Cookie.Name = "tte-approval";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            // Behind a TLS-terminating proxy the request looks like http, so the public address decides.
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__tte";
            o.SuppressXFrameOptionsHeader = true;
        });
        s.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(ApprovalEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.Approval.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
        });
        return builder;
    }

    /// <summary>/approve and /queue; their rate-limit policy runs in the host's UseRateLimiter.</summary>
    public static WebApplication MapApproval(this WebApplication app)
    {
        app.MapApprovalEndpoints();
        app.MapQueueEndpoints();
        return app;
    }
}
