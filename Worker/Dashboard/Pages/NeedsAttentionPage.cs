using Worker.Operators;
using Worker.Persistence;

namespace Worker.Dashboard.Pages;

/// <summary>"Needs attention": retrying, failed and stuck documents, and the files clerks will find in failed/ with their reasons.</summary>
public sealed class NeedsAttentionPage() : WorkerPage("Needs attention")
{
    protected override void Render()
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var attention = AttentionList.Read(Services, Storage);
        WriteLiteral("<h3>Retrying</h3>");
        Table(["Document", "Route", "State", "Last error", "Next try", "Job"],
            attention.Retrying.Select(r => new[]
            {
                DocumentLink(r.Document.Id, r.Document.Title), Encode(r.Document.Route), Encode($"{r.Document.State} (retrying)"),
                Encode(r.Document.Error ?? r.Job.Reason), Wita(r.Job.NextTry), $"<a href=\"{Url.JobDetails(r.Job.JobId)}\">#{Encode(r.Job.JobId)}</a>",
            }),
            "No document is waiting for a retry.");
        var documents = attention.Documents;
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
        var refused = attention.Refused;
        string[] fileHeaders = ["Route", "File", "Since", "Reason"];
        Table(CanAct ? [.. fileHeaders, "Actions"] : fileHeaders,
            refused.Select(f => WithActions(new[]
            {
                Encode(f.Route), Encode(f.File.Name), Age(new DateTimeOffset(f.File.RefusedAt, TimeSpan.Zero), now),
                Encode(f.File.Reason.Length > 0 ? f.File.Reason : "(no reason file)"),
            }, () => FileActions(f.Route, f.File.Name))),
            "No refused files.");
    }

    // Every row can be sent back to the inbox for a new try, or set aside as dealt with; both keep the original and its reason.
    private string FileActions(string route, string name) =>
        ActionForms.RefusedFile(Url, "resubmit", route, name, "Kirim ulang",
            $"Kirim ulang \"{name}\" ke inbox? / Send \"{name}\" back to the inbox for a new try?", "btn-primary")
        + ActionForms.RefusedFile(Url, "handled", route, name, "Selesai",
            $"Tandai \"{name}\" selesai? / Mark \"{name}\" as dealt with? It is kept in failed/.handled.");

    // Every row can be retried (what its state implies is queued again: signing, the hand-off, the declined copy, unsent email);
    // a document that cannot be retried (a Failed one with unapproved steps) can still be cancelled.
    private string Actions(DocumentSummary d) =>
        ActionForms.Button(Url, OperatorCommand.Retry, d.Id, "Retry", $"Coba lagi? / Retry \"{d.Title}\"?", "btn-primary")
        + (OperatorStore.Cancellable.Contains(d.State) ? ActionForms.Cancel(Url, d.Id) : "");
}
