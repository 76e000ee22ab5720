using Worker.Configuration;
using Worker.Metrics;
using RouteOptions = Worker.Configuration.RouteOptions;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>Records a decision posted from the approval page and starts what follows: the next link, signing, or declining.</summary>
public sealed partial class ApprovalDecisions(
    DecisionStore store, WorkerMetrics metrics, RouteBook routes, TimeProvider clock,
    ILogger<ApprovalDecisions> logger)
{
    /// <summary>Null when no step has the token.</summary>
    public async Task<DecisionResult?> DecideAsync(
        byte[] tokenSha256, DocumentRecord document, bool approve, string? reason, string ip, string userAgent, CancellationToken ct)
    {
        var route = routes.Find(document.Route);
        var result = await store.DecideAsync(new Decision
        {
            TokenSha256 = tokenSha256,
            Approve = approve,
            Reason = reason,
            Ip = ip,
            UserAgent = userAgent,
            At = clock.GetUtcNow(),
            NextExpiry = route?.ApprovalExpiry ?? new RouteOptions().ApprovalExpiry,
            NotifyOnDecline = routes.NotifyAddress(document.Route, document.SubmitterEmail),
        }, ct);
        if (result is not { Recorded: true }) return result;

        LogDecided(document.Id, result.Step.Position, result.Step.State);
        if (result.Step is { AskedAt: { } asked, DecidedAt: { } decided })
            metrics.ApprovalWait.WithLabels(document.Route, approve ? "approve" : "reject").Observe(Math.Max(0, (decided - asked).TotalSeconds));
        // What follows (the next link, signing, the declined copy) was committed with the decision; the relay enqueues it.
        if (result.DocumentApproved) LogApproved(document.Id);
        return result;
    }

    [LoggerMessage(LogLevel.Information, "Document {DocumentId}: step {Position} {Decision}")]
    private partial void LogDecided(Guid documentId, int position, string decision);

    [LoggerMessage(LogLevel.Information, "Document {DocumentId} approved by everyone; signing queued")]
    private partial void LogApproved(Guid documentId);
}
