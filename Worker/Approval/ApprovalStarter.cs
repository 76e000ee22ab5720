using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>Creates a received document's approval steps and sends the first link(s); a second run only re-queues unsent emails.</summary>
public sealed partial class ApprovalStarter(
    ApprovalStore store, RouteBook routes, TimeProvider clock, ILogger<ApprovalStarter> logger)
    : IApprovalStarter
{
    public async Task StartAsync(Guid documentId, CancellationToken ct)
    {
        var document = await store.DocumentAsync(documentId, ct);
        if (document is null)
        {
            LogMissing(documentId);
            return;
        }
        var route = routes.Find(document.Route);
        if (route is null)
        {
            await store.FailAsync(documentId, $"route '{document.Route}' is no longer configured, so nobody can approve it", clock.GetUtcNow(), ct);
            LogNoRoute(documentId, document.Route);
            return;
        }
        var result = await store.StartAsync(documentId, ApprovalRoutes.Plan(route), route.Mode == RouteMode.All, route.ApprovalExpiry, clock.GetUtcNow(), ct);
        switch (result.Outcome)
        {
            case StartOutcome.Started: LogStarted(documentId, route.Name, route.Approvers.Count); break;
            case StartOutcome.AlreadyStarted: LogAlreadyStarted(documentId, result.Outbox.Count); break;
            case StartOutcome.NotReceived: LogNotReceived(documentId, result.State); break;
            case StartOutcome.Missing: LogMissing(documentId); break;
        }
    }

    [LoggerMessage(LogLevel.Information, "Approval of document {DocumentId} started on route {Route} with {Approvers} approver(s)")]
    private partial void LogStarted(Guid documentId, string route, int approvers);

    [LoggerMessage(LogLevel.Information, "Approval of document {DocumentId} was already started; {Unsent} unsent email(s) queued again")]
    private partial void LogAlreadyStarted(Guid documentId, int unsent);

    [LoggerMessage(LogLevel.Warning, "Approval of document {DocumentId} not started: it is {State}, not Received")]
    private partial void LogNotReceived(Guid documentId, DocumentState? state);

    [LoggerMessage(LogLevel.Warning, "Approval of document {DocumentId} not started: no such document")]
    private partial void LogMissing(Guid documentId);

    [LoggerMessage(LogLevel.Error, "Document {DocumentId} failed: its route {Route} is no longer configured")]
    private partial void LogNoRoute(Guid documentId, string route);
}
