using Worker.Api;
using Worker.Approval;
using Worker.Configuration;
using Worker.Intake;
using Worker.Metrics;
using Worker.Notifications;
using Worker.Operators;
using Worker.Persistence;
using Worker.Signing;
using Worker.Verification;

namespace Worker.Hosting;

/// <summary>
/// The services of the worker, one line per capability, registered alike by the daemon (<see cref="WorkerApplication"/>) and by
/// the operator commands (Cli/OperatorServices), so a store or action added here is in both. Nothing here starts, listens,
/// schedules, logs or touches a file when registered or built; that is the daemon's part, beside it in WorkerApplication.
/// </summary>
public static class WorkerServices
{
    /// <param name="services">The container to add to.</param>
    /// <param name="configuration">Bound into IOptions&lt;WorkerOptions&gt; and its sections.</param>
    /// <param name="options">The same settings, bound now, for what registration itself needs (the database, delegations, the webhook timeout).</param>
    /// <param name="prepareJobSchema">True for the daemon, which creates or upgrades Hangfire's schema; a command only enqueues.</param>
    public static IServiceCollection AddWorkerServices(this IServiceCollection services, IConfiguration configuration, WorkerOptions options,
        bool prepareJobSchema)
    {
        services.AddWorkerOptions(configuration);
        services.AddPersistenceServices(options);
        services.AddJobClient(options, prepareJobSchema);
        services.AddWorkerMetrics();
        services.AddNotificationServices();
        services.AddApprovalServices(options);
        services.AddSigningServices();
        services.AddVerificationServices();
        services.AddIntakeServices();
        services.AddOperatorActions();
        services.AddApiServices(options);
        return services;
    }
}
