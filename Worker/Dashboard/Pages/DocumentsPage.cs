using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Dashboard.Pages;

/// <summary>"Documents": counts by state and the newest documents, filtered by route and state.</summary>
public sealed class DocumentsPage() : WorkerPage("Documents")
{
    private static readonly string[] States = Enum.GetNames<DocumentState>();

    protected override void Render()
    {
        var queries = Services.GetRequiredService<DocumentQueries>();
        var routes = Services.GetRequiredService<RouteBook>().All.Select(r => r.Name).ToList();
        var route = routes.Contains(QueryValue("route")) ? QueryValue("route") : null;
        var state = States.Contains(QueryValue("state")) ? QueryValue("state") : null;
        var counts = queries.CountByStateAsync(route, CancellationToken.None).GetAwaiter().GetResult();

        WriteLiteral("<p>");
        WriteLiteral(Filter("All", route, null, state is null));
        foreach (var s in States)
            WriteLiteral(Filter($"{s} ({counts.GetValueOrDefault(s)})", route, s, state == s));
        WriteLiteral("</p><p>Route: ");
        WriteLiteral(RouteLink("all", null, state, route is null));
        foreach (var r in routes) WriteLiteral(RouteLink(r, r, state, route == r));
        WriteLiteral("</p>");

        var documents = queries.ListAsync(route, state, 200, CancellationToken.None).GetAwaiter().GetResult();
        Table(["Title", "File", "Route", "State", "Received", "Last change", "Error"],
            documents.Select(d => new[]
            {
                DocumentLink(d.Id, d.Title), Encode(d.SourceName), Encode(d.Route), Encode(d.State.ToString()),
                Wita(d.ReceivedAt), Wita(d.UpdatedAt), Encode(d.Error),
            }),
            "No documents yet.");
    }

    private string Filter(string text, string? route, string? state, bool active) =>
        $"<a class=\"btn btn-sm {(active ? "btn-primary" : "btn-default")}\" href=\"{Url.To("/documents")}?state={state}&route={route}\">{Encode(text)}</a> ";

    private string RouteLink(string text, string? route, string? state, bool active) =>
        $"<a class=\"btn btn-xs {(active ? "btn-primary" : "btn-default")}\" href=\"{Url.To("/documents")}?state={state}&route={route}\">{Encode(text)}</a> ";
}
