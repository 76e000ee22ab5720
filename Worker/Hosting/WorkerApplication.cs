using Worker.Api;
using Worker.Approval;
using Worker.Configuration;
using Worker.Dashboard;
using Worker.Hosting.KeyProtection;
using Worker.Intake;
using Worker.Metrics;
using Worker.Notifications;
using Worker.Persistence;
using Worker.Signing;
using Worker.Verification;
using Worker.Web;

namespace Worker.Hosting;

/// <summary>The table of contents of the daemon: one line per capability.</summary>
public static class WorkerApplication
{
    public static WebApplication Build(IConfiguration configuration, WorkerOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(options.Urls);
        // Uploads (API, verify) may be as large as intake accepts; Kestrel's default cap is 30 MB.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.Intake.MaxFileBytes + 1024 * 1024);
        // SIGTERM: stop intake, give running jobs time, exit within 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        // The services, as the operator commands build them too (Cli/OperatorServices).
        builder.Services.AddWorkerServices(configuration, options, prepareJobSchema: true);
        // Below, what only the running daemon has: checked settings, logs, hosted services, Hangfire's server, Quartz, the web.
        builder.Services.ValidateWorkerOptionsOnStart();
        builder.AddWorkerLogging(options);
        builder.AddPersistence(options);
        builder.AddKeyProtection(options);
        builder.AddJobs();
        builder.AddScheduler(options);
        builder.AddNotifications();
        builder.AddWebPages();
        builder.AddApproval(options);
        builder.AddSigning();
        builder.AddVerification();
        builder.AddParseLimit(configuration);
        builder.AddHealth();
        builder.AddDashboard(options);
        builder.AddApi(options);
        // Last: starts after the database is migrated and Hangfire and Quartz run, stops first.
        builder.AddIntake(options);

        var app = builder.Build();
        // All middleware, in order, with the reason for each place; below, only endpoints.
        app.UseWorkerMiddleware(options);
        app.MapHealth();
        app.MapWorkerDashboard();
        app.MapWorkerMetrics();
        app.MapApproval();
        app.MapVerification();
        app.MapApi();
        return app;
    }
}
