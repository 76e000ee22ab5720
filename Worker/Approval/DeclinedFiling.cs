using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>
/// Copies a declined (rejected or cancelled) or expired document's original into the route's declined folder with NAME.reason.txt beside it
/// (Filing's DeclinedCopy does the files). A Hangfire job by document id: safe to run twice; the copy is recorded on the document.
/// </summary>
public sealed partial class DeclinedFiling(
    ApprovalStore store, RouteBook routes, IOptions<OfficeHoursOptions> officeHours, TimeProvider clock, ILogger<DeclinedFiling> logger)
{
    // A full or read-only declined/ folder fails the job with the reason; it is retried, and the lifecycle sweep queues it again
    // after the last retry, so the copy lands once the folder takes files again.
    [Hangfire.AutomaticRetry(Attempts = 20, DelaysInSeconds = [10, 30, 60, 120, 300])]
    public async Task FileAsync(Guid documentId, CancellationToken ct)
    {
        var document = await store.DocumentAsync(documentId, ct);
        if (document is null || document.DeclinedPath is not null || document.State is not (DocumentState.Declined or DocumentState.Expired))
            return;
        var route = routes.Find(document.Route)
            ?? throw new InvalidOperationException($"route '{document.Route}' of document {documentId} is no longer configured; cannot file it as declined");
        var source = document.ContentPath ?? throw new InvalidOperationException($"document {documentId} has no stored original");
        var steps = await store.StepsAsync(documentId, ct);
        var reason = DeclinedReason.Text(document, steps, officeHours.Value.Zone());
        var pdf = await DeclinedCopy.PutAsync(route.Declined, document.Id, document.SourceName, source, document.Sha256, reason, ct);
        await store.RecordDeclinedCopyAsync(documentId, pdf, clock.GetUtcNow(), ct);
        LogFiled(documentId, pdf);
    }

    [LoggerMessage(LogLevel.Information, "Document {DocumentId} filed as declined at {Path}")]
    private partial void LogFiled(Guid documentId, string path);
}
