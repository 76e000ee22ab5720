using System.Net;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Dashboard.Pages;

/// <summary>Base of our dashboard pages: Hangfire's layout and navigation, plus small HTML helpers.</summary>
public abstract class WorkerPage(string title) : RazorPage
{
    protected IServiceProvider Services => Context.GetHttpContext().RequestServices;

    /// <summary>Operators see action buttons; viewers (read-only) do not.</summary>
    protected bool CanAct => !Context.IsReadOnly;

    protected string QueryValue(string name)
    {
        var value = Context.GetHttpContext().Request.Query[name].ToString();
        return value.Length > 100 ? "" : value;
    }

    public override void Execute()
    {
        Layout = new LayoutPage(title);
        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\">");
        WriteLiteral($"<h1 class=\"page-header\">{Encode(title)}</h1>");
        Render();
        WriteLiteral("</div></div>");
        WriteLiteral(NarrowTables);
        if (CanAct) WriteLiteral(ActionForms.Script);
    }

    /// <summary>
    /// On a phone a wide table would push its last column, the actions, off the screen: below 768 px every row becomes a card
    /// of "column: value" lines, so every button is within the width without scrolling sideways.
    /// </summary>
    private const string NarrowTables = """
        <style>
        @media (max-width: 767px) {
          .worker-table thead { display: none; }
          .worker-table, .worker-table tbody, .worker-table tr, .worker-table td { display: block; width: 100%; }
          .worker-table tr { border: 1px solid #ddd; margin-bottom: 10px; }
          .worker-table td { border: none !important; overflow-wrap: anywhere; }
          .worker-table td::before { content: attr(data-label); display: block; font-weight: bold; }
          .table-responsive { overflow-x: visible; border: none; }
        }
        </style>
        """;

    /// <summary>The row with an Actions cell for operators; viewers get the row as it is.</summary>
    protected string[] WithActions(string[] row, Func<string> actions) => CanAct ? [.. row, actions()] : row;

    /// <summary>Writes the page body.</summary>
    protected abstract void Render();

    protected static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A time in the configured office zone (WITA), as operators read it.</summary>
    protected string Wita(DateTimeOffset? at) =>
        at is null ? "—" : OfficeTime.Format(at.Value, Services.GetRequiredService<IOptions<OfficeHoursOptions>>().Value.Zone());

    protected static string Age(DateTimeOffset? since, DateTimeOffset now)
    {
        if (since is null) return "—";
        var age = now - since.Value;
        return age.TotalDays >= 1 ? $"{(int)age.TotalDays} d {age.Hours} h" : age.TotalHours >= 1 ? $"{(int)age.TotalHours} h {age.Minutes} m" : $"{(int)age.TotalMinutes} m";
    }

    protected string DocumentLink(Guid id, string text) =>
        $"<a href=\"{Url.To("/documents/" + id)}\">{Encode(text)}</a>";

    protected void Table(string[] headers, IEnumerable<string[]> rows, string empty)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            WriteLiteral($"<div class=\"alert alert-info\">{Encode(empty)}</div>");
            return;
        }
        WriteLiteral("<div class=\"table-responsive\"><table class=\"table table-striped worker-table\"><thead><tr>");
        foreach (var h in headers) WriteLiteral($"<th>{Encode(h)}</th>");
        WriteLiteral("</tr></thead><tbody>");
        // Each cell names its column, so a phone can show a row as a card of labelled lines (see NarrowTables).
        foreach (var row in list)
            WriteLiteral("<tr>" + string.Concat(row.Select((c, i) => $"<td data-label=\"{Encode(i < headers.Length ? headers[i] : "")}\">{c}</td>")) + "</tr>");
        WriteLiteral("</tbody></table></div>");
    }
}
