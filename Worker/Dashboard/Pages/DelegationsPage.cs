using Worker.Configuration;
using Worker.Operators;
using Worker.Persistence;

namespace Worker.Dashboard.Pages;

/// <summary>"Delegations": deputies in force or planned (from operators and from configuration), a form to set one, and End on each.</summary>
public sealed class DelegationsPage() : WorkerPage("Delegations")
{
    protected override void Render()
    {
        var list = Services.GetRequiredService<DelegationActions>().ListAsync(CancellationToken.None).GetAwaiter().GetResult();
        string[] headers = ["Official", "Kind", "Deputy", "Signer", "From", "Until", "Set by"];
        Table(CanAct ? [.. headers, "Actions"] : headers,
            list.Select(x => WithActions(new[]
            {
                Encode(x.Delegation.ApproverEmail), Encode(x.Delegation.Kind),
                $"{Encode(x.Delegation.DeputyName)} &lt;{Encode(x.Delegation.DeputyEmail)}&gt;", Encode(x.Delegation.DeputySigner),
                Wita(x.Delegation.StartsAt), Wita(x.Delegation.Until), Encode(x.Source == "configuration" ? "Worker:Delegations" : x.Delegation.CreatedBy),
            }, () => End(x.Delegation))),
            "No delegation is in force or planned.");
        WriteLiteral("<p>Requests already sent keep their approver; a row set here wins over Worker:Delegations for the same official.</p>");
        if (CanAct) Form();
    }

    // Only the table's rows can be ended here; a configured one ends when the file changes.
    private string End(Delegation d) => d.Id is not { } id ? "" :
        $"<form class=\"js-operator-action\" style=\"display:inline\" method=\"post\" action=\"{Encode(Url.To("/operators/delegations/end"))}\" " +
        $"data-confirm=\"Akhiri delegasi ini sekarang? / End this delegation now? Waiting requests go back to {Encode(d.ApproverEmail)}.\">" +
        $"<input type=\"hidden\" name=\"id\" value=\"{id}\"><button type=\"submit\" class=\"btn btn-xs btn-danger\">End now</button></form>";

    private void Form()
    {
        var signers = Services.GetRequiredService<SignerProfiles>().Keys.Order(StringComparer.Ordinal);
        WriteLiteral("<h3>Set a delegation</h3>");
        WriteLiteral($"<form id=\"delegation-set\" class=\"js-operator-action\" method=\"post\" action=\"{Encode(Url.To("/operators/delegations/set"))}\" " +
                     "data-confirm=\"Simpan delegasi ini? / Save this delegation?\">");
        Input("approver", "Official's email / Email pejabat", "email", required: true);
        Input("deputy", "Deputy's email / Email wakil", "email", required: true);
        Input("name", "Deputy's name / Nama wakil", "text", required: true);
        Input("position", "Deputy's position / Jabatan wakil (for a.n.)", "text", required: false);
        WriteLiteral("<div class=\"form-group\"><label for=\"d-signer\">Deputy's signer / Penanda tangan</label>" +
                     "<select id=\"d-signer\" name=\"signer\" class=\"form-control\" required>" +
                     string.Concat(signers.Select(s => $"<option>{Encode(s)}</option>")) + "</select></div>");
        WriteLiteral("<div class=\"form-group\"><label for=\"d-kind\">Kind / Jenis</label><select id=\"d-kind\" name=\"kind\" class=\"form-control\" required>" +
                     string.Concat(DelegationKinds.All.Select(k => $"<option>{Encode(k)}</option>")) + "</select></div>");
        Input("nip", "Deputy's NIP (optional)", "text", required: false);
        Input("rank", "Deputy's pangkat/golongan (optional)", "text", required: false);
        Input("from", "From (first day, WITA) / Dari", "date", required: true);
        Input("to", "To (last day, included) / Sampai", "date", required: true);
        WriteLiteral("<button type=\"submit\" class=\"btn btn-primary\">Set delegation</button></form>");
    }

    private void Input(string name, string label, string type, bool required) =>
        WriteLiteral($"<div class=\"form-group\"><label for=\"d-{name}\">{Encode(label)}</label>" +
                     $"<input id=\"d-{name}\" name=\"{name}\" type=\"{type}\" class=\"form-control\"{(required ? " required" : "")} maxlength=\"200\"></div>");
}
