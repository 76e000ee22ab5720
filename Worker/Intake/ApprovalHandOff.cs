using Hangfire;
using Hangfire.States;
using Npgsql;
using Worker.Approval;
using Worker.Persistence;

namespace Worker.Intake;

/// <summary>Hands recorded documents to approval as Hangfire jobs, and re-enqueues hand-offs that were lost.</summary>
public sealed class ApprovalHandOff(
    IBackgroundJobClient jobs, JobStorage storage, DocumentStore store, NpgsqlDataSource dataSource, ILogger<ApprovalHandOff> logger)
{
    /// <summary>How many waiting documents one sweep looks at.</summary>
    public const int SweepBatch = 1000;

    /// <summary>Enqueues the approval job and notes it on the document (the caller holds the document's lock); audited when <paramref name="auditAction"/> is set.</summary>
    public async Task<string> EnqueueAsync(NpgsqlConnection connection, Guid id, string? auditAction, CancellationToken ct)
    {
        var jobId = jobs.Enqueue<IApprovalStarter>(s => s.StartAsync(id, CancellationToken.None));
        await store.SetApprovalJobAsync(connection, id, jobId, auditAction, ct);
        logger.Enqueued(id, jobId);
        return jobId;
    }

    /// <summary>
    /// Re-enqueues every document still in Received whose job never got enqueued, vanished or failed for good.
    /// Documents another worker is claiming right now are skipped: it holds their lock.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var requeued = 0;
        foreach (var waiting in await store.ListWaitingAsync(SweepBatch, ct))
        {
            if (!IsLost(waiting.ApprovalJobId)) continue;
            await using var held = await DocumentLock.TryAcquireAsync(dataSource, waiting.Id, ct);
            if (held is null) continue;
            var current = await store.FindAsync(held.Connection, waiting.Id, ct);
            if (current is null || current.State != DocumentState.Received || !IsLost(current.ApprovalJobId)) continue;
            logger.Requeued(waiting.Id, current.ApprovalJobId);
            await EnqueueAsync(held.Connection, waiting.Id, "approval-requeued", ct);
            requeued++;
        }
        return requeued;
    }

    // Scheduled (retry), Enqueued, Processing and Succeeded are alive; the approval side moves the document on from there.
    private bool IsLost(string? jobId)
    {
        if (jobId is null) return true;
        using var connection = storage.GetConnection();
        var data = connection.GetJobData(jobId);
        return data is null || data.State == FailedState.StateName || data.State == DeletedState.StateName;
    }
}
