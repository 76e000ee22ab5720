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
                Encode(d.State == DocumentState.Failed ? d.State : $"{d.State} (stuck)"), Age(d.UpdatedAt, now), Encode(d.Error),
            }, () => Retry(d))),
            "No failed or stuck documents.");

        WriteLiteral("<h3>Files in failed folders</h3>");
        var routes = Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Routes;
        Table(["Route", "File", "Reason"], routes.SelectMany(FailedFiles), "No refused files.");
    }

    // Retry covers what the operator can restart: signing of a Failed document, the hand-off of a stuck Received one.
    private string Retry(DocumentSummary d) => d.State is DocumentState.Failed or DocumentState.Received
        ? ActionForms.Button(Url, OperatorCommand.Retry, d.Id, "Retry", $"Coba lagi? / Retry \"{d.Title}\"?", "btn-primary")
        : "";

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
