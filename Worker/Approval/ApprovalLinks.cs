using Worker.Configuration;
using RouteOptions = Worker.Configuration.RouteOptions;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>Operator actions on approval links.</summary>
public sealed partial class ApprovalLinks(
    ApprovalStore store, RouteBook routes, TimeProvider clock, ILogger<ApprovalLinks> logger)
{
    /// <summary>
    /// Sends a waiting approver a new link with a new expiry (the route's ApprovalExpiry from now); the old link stops working at
    /// once. False when the step is not waiting (decided, expired, cancelled or unknown).
    /// </summary>
    public async Task<bool> ResendAsync(Guid stepId, string actor, CancellationToken ct)
    {
        var located = await store.StepAsync(stepId, ct);
        if (located is not { Step: { } step, Document: { } document }) return false;
        var route = routes.Find(document.Route);
        var expiry = route?.ApprovalExpiry ?? new RouteOptions().ApprovalExpiry;
        var outbox = await store.ResendAsync(step.Id, expiry, actor, clock.GetUtcNow(), ct);
        if (outbox is null) return false;
        LogResent(document.Id, step.Position, actor);
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Document {DocumentId}: new link for step {Position} requested by {Actor}")]
    private partial void LogResent(Guid documentId, int position, string actor);
}
