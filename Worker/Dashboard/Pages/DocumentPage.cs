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
                     ("State", document.State.ToString()), ("Received", Wita(document.ReceivedAt)), ("Last change", Wita(document.UpdatedAt)),
                     ("Error", document.Error ?? "—"),
                 })
            WriteLiteral($"<dt>{Encode(term)}</dt><dd>{Encode(value)}</dd>");
        WriteLiteral("</dl>");
        var steps = Services.GetRequiredService<ApprovalStore>().StepsAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        if (CanAct) Actions(document, steps);
        WriteLiteral("<h3>Approval steps</h3>");
        Table(["#", "Approver", "State", "Asked", "Link expires", "Decided", "Email", "Reminders"],
            steps.Select(s => new[]
            {
                s.Position.ToString(), Encode($"{s.ApproverName} <{s.ApproverEmail}>"), Encode(s.State), Wita(s.AskedAt), Wita(s.TokenExpiresAt),
                Wita(s.DecidedAt) + (s.Reason is null ? "" : $": {Encode(s.Reason)}"),
                Encode(s.EmailState == "Failed" ? $"Failed ({s.EmailAttempts}): {s.EmailLastError}" : s.EmailState), s.RemindersSent.ToString(),
            }),
            "No approval steps yet.");
        WriteLiteral("<h3>Jobs</h3>");
        var jobs = queries.JobsAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        Table(["Job", "State"], jobs.Select(j => new[] { $"<a href=\"{Url.JobDetails(j.Id.ToString())}\">#{j.Id}</a>", Encode(j.State) }), "No jobs.");
        WriteLiteral("<h3>History</h3>");
        var trail = queries.AuditTrailAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        Table(["When", "Who", "What", "Detail", "From"],
            trail.Select(e => new[] { Wita(e.Event.At), Encode(e.Event.Actor), Encode(e.Event.Action), Encode(e.Event.Detail), Encode(e.Event.Source) }),
            "No events.");
    }

    private void Actions(DocumentSummary document, IReadOnlyList<ApprovalStep> steps)
    {
        var forms = new List<string>();
        if (document.State == DocumentState.AwaitingApproval)
            forms.AddRange(steps.Where(s => s.State == StepState.Waiting).Select(s => ActionForms.Button(Url, OperatorCommand.Resend, s.Id,
                $"Resend link to {s.ApproverName}", $"Kirim ulang tautan ke {s.ApproverEmail}? / Send {s.ApproverEmail} a new link? The current link stops working.")));
        if (document.State is not (DocumentState.AwaitingApproval or DocumentState.Invalid or DocumentState.Duplicate))
            forms.Add(ActionForms.Button(Url, OperatorCommand.Retry, document.Id, "Retry", $"Coba lagi? / Retry \"{document.Title}\"?", "btn-primary"));
        if (OperatorStore.Cancellable.Contains(document.State)) forms.Add(ActionForms.Cancel(Url, document.Id));
        if (forms.Count == 0) return;
        WriteLiteral("<h3>Actions</h3><p>" + string.Join(" ", forms) + "</p>");
    }
}
