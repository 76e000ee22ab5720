using Worker.Approval;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Operators;

/// <summary>What operators may do to a document, from the dashboard or the command line; every action is audited with their name.</summary>
public sealed partial class OperatorActions(
    OperatorStore store, ApprovalStore approvals, ApprovalLinks links, RouteBook routes,
    TimeProvider clock, ILogger<OperatorActions> logger)
{
    /// <summary>The longest reason kept; a reason is one line for a clerk, not a letter.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The reason recorded, filed and mailed for a cancellation.</summary>
    public static string CancelReason(string text) => $"dibatalkan oleh operator / cancelled by operator: {text}";

    /// <summary>A Failed document whose steps are all approved is signed again; one stuck in Received is handed to approval again.</summary>
    public async Task<OperatorResult> RetryAsync(Guid id, OperatorIdentity who, CancellationToken ct)
    {
        var retry = await store.RetryAsync(id, who.Name, who.Source, clock.GetUtcNow(), ct);
        if (retry is null) return OperatorResult.NotFound(id);
        if (retry.Retried is { } what)
        {
            LogRetried(id, what, who.Name);
            var mail = retry.UnsentMail > 0 && what != OperatorRetry.RetriedMail ? $" with {retry.UnsentMail} unsent email(s)" : "";
            return OperatorResult.Done($"document {id}: {what} queued again{mail}");
        }
        return OperatorResult.NotAllowed(retry.State == DocumentState.Failed
            ? $"document {id} is Failed but only {retry.Approved} of {retry.Steps} approval step(s) are approved, so there is nothing to sign"
            : retry.State == DocumentState.AwaitingApproval
                ? $"document {id} is AwaitingApproval and nothing of it is stuck: to send the approver a new link, use approvals resend"
                : $"document {id} is {retry.State}: nothing is left to do for it, so there is nothing to retry");
    }

    /// <summary>Sends a new link to the waiting approver of a document (every waiting one), or of one step when given a step id.</summary>
    public async Task<OperatorResult> ResendAsync(Guid id, OperatorIdentity who, CancellationToken ct)
    {
        var document = await approvals.DocumentAsync(id, ct);
        IReadOnlyList<ApprovalStep> waiting;
        if (document is not null)
            waiting = (await approvals.StepsAsync(id, ct)).Where(s => s.State == StepState.Waiting).ToList();
        else if (await approvals.StepAsync(id, ct) is { Step: { } step, Document: { } owner })
            (document, waiting) = (owner, step.State == StepState.Waiting ? [step] : []);
        else
            return OperatorResult.NotFound(id);

        if (document.State != DocumentState.AwaitingApproval || waiting.Count == 0)
            return OperatorResult.NotAllowed($"document {document.Id} is {document.State}: no approver is waiting for a link");
        var sent = new List<string>();
        foreach (var step in waiting)
            if (await links.ResendAsync(step.Id, who.Name, ct)) sent.Add(step.ApproverEmail);
        return sent.Count == 0
            ? OperatorResult.NotAllowed($"document {document.Id}: the approver answered or the document closed meanwhile; no link sent")
            : OperatorResult.Done($"document {document.Id}: new link queued for {string.Join(", ", sent)}");
    }

    /// <summary>Ends an open document as Declined with the operator's reason, files the original in declined/ and tells the submitter.</summary>
    public async Task<OperatorResult> CancelAsync(Guid id, string reason, OperatorIdentity who, CancellationToken ct)
    {
        var text = string.Join(' ', reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();
        if (text.Length == 0) return OperatorResult.NotAllowed("a reason is required to cancel a document");
        if (text.Length > MaxReasonLength) text = text[..MaxReasonLength];
        var document = await approvals.DocumentAsync(id, ct);
        if (document is null) return OperatorResult.NotFound(id);
        var notify = routes.NotifyAddress(document.Route, document.SubmitterEmail);
        var cancel = await store.CancelAsync(id, CancelReason(text), who.Name, who.Source, notify, clock.GetUtcNow(), ct);
        if (cancel is null) return OperatorResult.NotFound(id);
        if (!cancel.Cancelled)
            return OperatorResult.NotAllowed(
                $"document {id} is {cancel.StateBefore}: only {string.Join(", ", OperatorStore.Cancellable.Select(s => s.ToString()).Order())} documents can be cancelled");
        LogCancelled(id, cancel.StateBefore, who.Name, text);
        return OperatorResult.Done(
            $"document {id} cancelled (was {cancel.StateBefore}); the original goes to declined/" + (notify.Length > 0 ? $", {notify} is told" : ""));
    }

    [LoggerMessage(LogLevel.Information, "Document {DocumentId}: {What} queued again by {Actor}")]
    private partial void LogRetried(Guid documentId, string what, string actor);

    [LoggerMessage(LogLevel.Information, "Document {DocumentId} cancelled by {Actor} (was {State}): {Reason}")]
    private partial void LogCancelled(Guid documentId, DocumentState state, string actor, string reason);
}
