using System.Net;
using Hangfire.Dashboard;

namespace Worker.Dashboard.Pages;

/// <summary>The small forms behind operator actions, and the script that posts them with the dashboard's antiforgery header.</summary>
public static class ActionForms
{
    /// <summary>
    /// Posts a form of class js-operator-action with the token from Hangfire's csrf meta tags, reloads on success, and shows
    /// the server's one-line answer otherwise. Plain DOM: Hangfire loads jQuery after the page body.
    /// </summary>
    public const string Script = """
        <script>
        document.addEventListener('submit', function (e) {
          var form = e.target;
          if (!form.classList || !form.classList.contains('js-operator-action')) return;
          e.preventDefault();
          var question = form.getAttribute('data-confirm');
          if (question && !window.confirm(question)) return;
          var headers = {};
          var name = document.querySelector('meta[name="csrf-header"]'), token = document.querySelector('meta[name="csrf-token"]');
          if (name && token) headers[name.getAttribute('content')] = token.getAttribute('content');
          var button = form.querySelector('button');
          if (button) button.disabled = true;
          fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: headers, credentials: 'same-origin' })
            .then(function (r) { return r.text().then(function (text) {
              if (r.ok) { window.location.reload(); return; }
              window.alert(text || r.statusText);
              if (button) button.disabled = false;
            }); });
        });
        </script>
        """;

    public static string Button(UrlHelper url, OperatorCommand command, Guid id, string label, string confirm, string style = "btn-default") =>
        $"<form class=\"js-operator-action\" style=\"display:inline\" method=\"post\" action=\"{Action(url, command, id)}\" " +
        $"data-confirm=\"{Encode(confirm)}\"><button type=\"submit\" class=\"btn btn-xs {style}\">{Encode(label)}</button></form> ";

    /// <summary>Cancel needs a reason: the submitter and the declined/ folder are told it.</summary>
    public static string Cancel(UrlHelper url, Guid id) =>
        $"<form class=\"js-operator-action form-inline\" style=\"display:inline\" method=\"post\" action=\"{Action(url, OperatorCommand.Cancel, id)}\" " +
        "data-confirm=\"Batalkan dokumen ini? / Cancel this document? The submitter is told and the original goes to declined/.\">" +
        "<input type=\"text\" name=\"reason\" class=\"form-control input-sm\" required maxlength=\"500\" " +
        "placeholder=\"Alasan / Reason\" aria-label=\"Reason for cancelling\"> " +
        "<button type=\"submit\" class=\"btn btn-xs btn-danger\">Cancel document</button></form>";

    /// <summary>A button for a refused file in failed/: the route and name travel as form fields, never in the address.</summary>
    public static string RefusedFile(UrlHelper url, string action, string route, string name, string label, string confirm, string style = "btn-default") =>
        $"<form class=\"js-operator-action\" style=\"display:inline\" method=\"post\" action=\"{Encode(url.To($"/operators/failed/{action}"))}\" " +
        $"data-confirm=\"{Encode(confirm)}\"><input type=\"hidden\" name=\"route\" value=\"{Encode(route)}\">" +
        $"<input type=\"hidden\" name=\"name\" value=\"{Encode(name)}\"><button type=\"submit\" class=\"btn btn-xs {style}\">{Encode(label)}</button></form> ";

    private static string Action(UrlHelper url, OperatorCommand command, Guid id) =>
        Encode(url.To($"/operators/{command.ToString().ToLowerInvariant()}/{id}"));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
