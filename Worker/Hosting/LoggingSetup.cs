using Serilog;
using Serilog.Events;
using Worker.Approval;
using Worker.Configuration;

namespace Worker.Hosting;

public static class LoggingSetup
{
    private const string Template = "[{LocalTime:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    // The file keeps every property (document ids, routes) so a log line can be traced back.
    private const string FileTemplate = "[{LocalTime:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>Logs before the host exists, so a failing start-up is logged too.</summary>
    public static void UseBootstrapLogger(WorkerOptions options) =>
        Log.Logger = new LoggerConfiguration().Enrich.With(new LocalTimeEnricher(options.OfficeHours.Zone()))
            .Filter.ByExcluding(Reported).WriteTo.Console(outputTemplate: Template).CreateBootstrapLogger();

    // The run command says these in one line; the host's copy with its stack trace would bury that line.
    private static bool Reported(LogEvent e) => e.Exception is { } x && PortInUse.Is(x);

    /// <summary>Serilog to the console and a daily file logs/worker-YYYYMMDD.log.</summary>
    public static WebApplicationBuilder AddWorkerLogging(this WebApplicationBuilder builder, WorkerOptions options)
    {
        // Serilog's shared file sink takes no file mode, so the folder (0700) keeps the files to the worker's user; UMask=0077 makes them 0600.
        Worker.Filing.FileModes.CreatePrivateFolder(options.LogDirectory);
        builder.Services.AddSerilog(lc => lc
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With(new LocalTimeEnricher(options.OfficeHours.Zone()))
            .Filter.ByExcluding(Reported)
            // Request paths may hold an approval token: redact before any sink sees it.
            .Enrich.With<ApprovalTokenRedactor>()
            .WriteTo.Logger(console => console.Filter.ByExcluding(RestartNotice.Is).WriteTo.Console(outputTemplate: Template))
            .WriteTo.File(
                Path.Combine(options.LogDirectory, "worker-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: options.LogRetainedDays,
                outputTemplate: FileTemplate,
                shared: true));
        return builder;
    }
}
