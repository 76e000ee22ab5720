using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Dashboard.Pages;

/// <summary>"Needs attention": failed and stuck documents, and the files clerks will find in failed/ with their reasons.</summary>
public sealed class NeedsAttentionPage() : WorkerPage("Needs attention")
{
    protected override void Render()
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var documents = Services.GetRequiredService<DocumentQueries>().NeedingAttentionAsync(now, CancellationToken.None).GetAwaiter().GetResult();
        WriteLiteral("<h3>Documents</h3>");
        string[] headers = ["Document", "Route", "State", "Since", "Error"];
        Table(CanAct ? [.. headers, "Actions"] : headers,
            documents.Select(d => WithActions(new[]
            {
                DocumentLink(d.Id, d.Title), Encode(d.Route),
                Encode(d.State == DocumentState.Failed ? d.State.ToString() : $"{d.State} (stuck)"), Age(d.UpdatedAt, now), Encode(d.Error),
            }, () => Actions(d))),
            "No failed or stuck documents.");
        var recreated = Services.GetRequiredService<DocumentQueries>().SweepRecreatedSinceAsync(now.AddDays(-1), CancellationToken.None)
            .GetAwaiter().GetResult();
        WriteLiteral($"<p>Lifecycle sweep: {recreated} lost job(s) found and queued again in the last 24 hours (worker_sweep_recreated_total).</p>");

        WriteLiteral("<h3>Files in failed folders</h3>");
        var routes = Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Routes;
        Table(["Route", "File", "Reason"], routes.SelectMany(FailedFiles), "No refused files.");
    }

    // Every row can be retried (what its state implies is queued again: signing, the hand-off, the declined copy, unsent email);
    // a document that cannot be retried (a Failed one with unapproved steps) can still be cancelled.
    private string Actions(DocumentSummary d) =>
        ActionForms.Button(Url, OperatorCommand.Retry, d.Id, "Retry", $"Coba lagi? / Retry \"{d.Title}\"?", "btn-primary")
        + (OperatorStore.Cancellable.Contains(d.State) ? ActionForms.Cancel(Url, d.Id) : "");

    private static IEnumerable<string[]> FailedFiles(Configuration.RouteOptions route)
    {
        if (!Directory.Exists(route.Failed)) yield break;
        var files = new DirectoryInfo(route.Failed).EnumerateFiles()
            .Where(f => !f.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !f.Name.StartsWith('.'))
            .OrderByDescending(f => f.LastWriteTimeUtc).Take(100);
        foreach (var file in files)
        {
            var reasonFile = file.FullName + ".error.txt";
            var reason = File.Exists(reasonFile) ? File.ReadLines(reasonFile).FirstOrDefault() ?? "" : "";
            yield return [Encode(route.Name), Encode(file.Name), Encode(reason)];
        }
    }
}
