using Worker.Persistence;

namespace Worker.Dashboard.Pages;

/// <summary>One document: its state, its Hangfire jobs and its audit history.</summary>
public sealed class DocumentPage(Guid id) : WorkerPage("Document")
{
    protected override void Render()
    {
        var queries = Services.GetRequiredService<DocumentQueries>();
        var document = queries.FindAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        if (document is null)
        {
            WriteLiteral("<div class=\"alert alert-warning\">No such document.</div>");
            return;
        }
        WriteLiteral("<dl class=\"dl-horizontal\">");
        foreach (var (term, value) in new[]
                 {
                     ("Title", document.Title), ("File", document.SourceName), ("Id", document.Id.ToString()), ("Route", document.Route),
                     ("State", document.State), ("Received", Wita(document.ReceivedAt)), ("Last change", Wita(document.UpdatedAt)),
                     ("Error", document.Error ?? "—"),
                 })
            WriteLiteral($"<dt>{Encode(term)}</dt><dd>{Encode(value)}</dd>");
        WriteLiteral("</dl><h3>Jobs</h3>");
        var jobs = queries.JobsAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        Table(["Job", "State"], jobs.Select(j => new[] { $"<a href=\"{Url.JobDetails(j.Id.ToString())}\">#{j.Id}</a>", Encode(j.State) }), "No jobs.");
        WriteLiteral("<h3>History</h3>");
        var trail = queries.AuditTrailAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        Table(["When", "Who", "What", "Detail", "From"],
            trail.Select(e => new[] { Wita(e.Event.At), Encode(e.Event.Actor), Encode(e.Event.Action), Encode(e.Event.Detail), Encode(e.Event.Source) }),
            "No events.");
    }
}
