using Hangfire;
using Hangfire.States;
using Worker.Metrics;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>
/// Finds work a document's state implies (the hand-off to approval, signing, the declined copy, an unsent email) that no live job carries, and commits it
/// again as a step, so nothing waits forever after a crash, a lost job or a failed relay. Counted in worker_sweep_recreated_total.
/// </summary>
public sealed partial class LifecycleSweep(
    SweepStore store, JobStorage storage, WorkerMetrics metrics, TimeProvider clock, ILogger<LifecycleSweep> logger)
{
    /// <summary>Work younger than this is left to its job: it may simply not have run yet.</summary>
    public static readonly TimeSpan QuietFor = TimeSpan.FromMinutes(2);

    private const int Batch = 500;

    /// <summary>Re-creates what was lost; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var recreated = 0;
        foreach (var work in await store.ListAsync(now - QuietFor, Batch, ct))
        {
            if (WhyLost(work) is not { } why || !await store.RecreateAsync(work, why, now, ct)) continue;
            metrics.SweepRecreated.WithLabels(work.Kind.ToString()).Inc();
            LogRecreated(work.DocumentId, work.Kind, why);
            recreated++;
        }
        return recreated;
    }

    // Enqueued, scheduled for a retry or processing is alive (a dead worker's job comes back after the invisibility timeout). A
    // mail job that failed for good is left to an operator: it is listed in Needs attention.
    private string? WhyLost(StuckWork work)
    {
        if (work.JobId is null) return "no job was ever queued for it";
        using var connection = storage.GetConnection();
        var state = connection.GetJobData(work.JobId)?.State;
        if (state is null) return $"its job {work.JobId} is gone";
        if (state == DeletedState.StateName) return $"its job {work.JobId} was deleted";
        if (state == SucceededState.StateName) return $"its job {work.JobId} finished without doing it";
        return state == FailedState.StateName && work.Kind != FollowUp.DeliverMail ? $"its job {work.JobId} failed" : null;
    }

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: {Kind} had no live job ({Why}); queued again")]
    private partial void LogRecreated(Guid documentId, FollowUp kind, string why);
}
