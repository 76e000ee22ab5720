using Hangfire;
using Worker.Filing;
using Worker.Operators;
using Worker.Persistence;

namespace Worker.Dashboard.Pages;

/// <summary>Everything Needs attention lists, read once, so the page's rows and its menu badge always count the same things.</summary>
/// <param name="Retrying">Documents whose job failed and waits for its next try, with that job.</param>
/// <param name="Documents">Failed and stuck documents (not those already listed as retrying).</param>
/// <param name="Refused">Files in the routes' failed/ folders.</param>
public sealed record AttentionList(
    IReadOnlyList<(DocumentSummary Document, RetryingJob Job)> Retrying,
    IReadOnlyList<DocumentSummary> Documents,
    IReadOnlyList<(string Route, RefusedFile File)> Refused)
{
    /// <summary>How many rows the page shows.</summary>
    public int Count => Retrying.Count + Documents.Count + Refused.Count;

    /// <summary>Reads the lists now.</summary>
    public static AttentionList Read(IServiceProvider services, JobStorage storage)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var queries = services.GetRequiredService<DocumentQueries>();
        var retrying = new List<(DocumentSummary, RetryingJob)>();
        // One row per document: the job with the nearest next try.
        foreach (var job in RetryingJobs.List(storage).OrderBy(j => j.NextTry).DistinctBy(j => j.DocumentId))
            if (queries.FindAsync(job.DocumentId, CancellationToken.None).GetAwaiter().GetResult() is { } document
                && document.State is not (DocumentState.Filed or DocumentState.Invalid or DocumentState.Duplicate))
                retrying.Add((document, job));
        var listed = retrying.Select(r => r.Item1.Id).ToHashSet();
        var documents = queries.NeedingAttentionAsync(now, CancellationToken.None).GetAwaiter().GetResult().Where(d => !listed.Contains(d.Id)).ToList();
        return new AttentionList(retrying, documents, services.GetRequiredService<RefusedFileActions>().List());
    }
}
