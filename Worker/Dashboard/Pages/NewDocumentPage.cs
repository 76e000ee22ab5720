using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Dashboard.Pages;

/// <summary>
/// "New document": upload a PDF into a route's inbox with the sidecar's fields typed in a form (no JSON). A plain form post,
/// so it works without script; the antiforgery token travels as a hidden field, which the dashboard checks on every POST.
/// </summary>
public sealed class NewDocumentPage() : WorkerPage("New document")
{
    protected override void Render()
    {
        if (!CanAct)
        {
            WriteLiteral("<div class=\"alert alert-warning\">Hanya operator. / Operators only.</div>");
            return;
        }
        var dropped = QueryValue("dropped");
        if (dropped.Length > 0)
            WriteLiteral($"<div class=\"alert alert-success\" role=\"status\">{Encode(dropped)} dikirim ke inbox; hasilnya muncul di Documents. / Sent to the inbox.</div>");
        var routes = Services.GetRequiredService<RouteBook>().All;
        var field = Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName;
        WriteLiteral($"<form method=\"post\" enctype=\"multipart/form-data\" action=\"{Encode(Url.To("/operators/new-document"))}\" style=\"max-width:40em\">");
        WriteLiteral($"<input type=\"hidden\" name=\"{Encode(field)}\" value=\"{Encode(Context.AntiforgeryToken)}\">");
        WriteLiteral("<div class=\"form-group\"><label for=\"route\">Rute / Route</label><select id=\"route\" name=\"route\" class=\"form-control\" required>");
        foreach (var route in routes)
        {
            WriteLiteral($"<option value=\"{Encode(route.Name)}\">{Encode(route.Name)}</option>");
            foreach (var unit in route.Units)
                WriteLiteral($"<option value=\"{Encode(route.Name + "/" + unit.Folder)}\">{Encode(route.Name + " / " + unit.Folder)}</option>");
        }
        WriteLiteral("</select></div>");
        WriteLiteral("<div class=\"form-group\"><label for=\"pdf\">Berkas PDF / PDF file</label>" +
                     "<input id=\"pdf\" name=\"pdf\" type=\"file\" accept=\"application/pdf,.pdf\" class=\"form-control\" required></div>");
        Field("title", "Judul / Title", 500, "text");
        Field("number", "Nomor surat / Letter number", 100, "text");
        Field("submitterEmail", "Email Anda (untuk pemberitahuan) / Your email (for notices)", 254, "email");
        WriteLiteral("<div class=\"form-group\"><label for=\"note\">Catatan untuk pejabat / Note for the officials</label>" +
                     "<textarea id=\"note\" name=\"note\" maxlength=\"2000\" rows=\"3\" class=\"form-control\"></textarea></div>");
        WriteLiteral("<button type=\"submit\" class=\"btn btn-primary\">Kirim / Send</button></form>");
    }

    private void Field(string name, string label, int max, string type) =>
        WriteLiteral($"<div class=\"form-group\"><label for=\"{name}\">{Encode(label)}</label>" +
                     $"<input id=\"{name}\" name=\"{name}\" type=\"{type}\" maxlength=\"{max}\" class=\"form-control\"></div>");
}
