using Hangfire;

namespace Worker.Approval;

/// <summary>Queues outbox rows for delivery; rows queued together go out over one connection.</summary>
public static class MailQueue
{
    public static void Enqueue(IBackgroundJobClient jobs, IReadOnlyList<Guid> outbox)
    {
        if (outbox.Count == 0) return;
        var ids = outbox.ToArray();
        jobs.Enqueue<ApprovalMailJob>(j => j.DeliverAsync(ids, CancellationToken.None));
    }
}
