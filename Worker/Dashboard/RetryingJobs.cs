using Hangfire;

namespace Worker.Dashboard;

/// <summary>
/// Documents whose job failed and is scheduled to try again (signing with a broken key, a full declined/ folder): they look
/// fine in the document table (still Approved) but need an operator's eye, so Needs attention lists them with the error.
/// </summary>
public static class RetryingJobs
{
    /// <summary>The most jobs looked at; the schedule holds little besides retries.</summary>
    public const int Limit = 200;

    /// <summary>Scheduled jobs on a document whose state says they are a retry (our signing retries and Hangfire's both say "Retry ...").</summary>
    public static IReadOnlyList<RetryingJob> List(JobStorage storage)
    {
        var scheduled = storage.GetMonitoringApi().ScheduledJobs(0, Limit);
        using var connection = storage.GetConnection();
        var list = new List<RetryingJob>();
        foreach (var (jobId, job) in scheduled)
        {
            if (job is not { InScheduledState: true, Job.Args: [Guid documentId, ..] }) continue;
            var reason = connection.GetStateData(jobId)?.Reason ?? "";
            if (!reason.StartsWith("Retry", StringComparison.Ordinal)) continue;
            list.Add(new RetryingJob(documentId, jobId, new DateTimeOffset(DateTime.SpecifyKind(job.EnqueueAt, DateTimeKind.Utc)), reason));
        }
        return list;
    }
}
