using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Notifications;
using Worker.Persistence;
using Worker.Signing;

namespace Worker.Approval.Queue;

/// <summary>
/// Decisions posted from an approver's queue: each ticked document is decided through its own step's link (the same lock,
/// state check and audit event as the single page), so a document decided meanwhile elsewhere is reported, never decided twice.
/// Documents signed with the official's secret are signed first, together, through the signing port's batch.
/// </summary>
public sealed partial class QueueDecisions(
    QueueStore queue, ApprovalStore store, ApprovalDecisions decisions, SecretApproval secrets, ApprovalSigning signing, SecretAttemptStore attempts,
    SigningAvailability availability, IOptions<OfficeHoursOptions> officeHours, TimeProvider clock, ILogger<QueueDecisions> logger)
{
    /// <summary>Most documents one post decides (each signing holds a database connection for its lock).</summary>
    public const int MaxPerPost = 50;

    /// <summary>The approver's own steps with these ids, or null when any id is not one of theirs (a tampered form).</summary>
    public async Task<IReadOnlyList<QueueEntry>?> OwnAsync(QueueLink link, IReadOnlyList<Guid> stepIds, CancellationToken ct)
    {
        var own = await queue.OwnStepsAsync(link.ApproverEmail, stepIds, ct);
        return own.Count == stepIds.Distinct().Count() ? own : null;
    }

    /// <summary>Approves the ticked documents; one passphrase signs every one whose signer needs it.</summary>
    public async Task<QueueResult> ApproveAsync(QueueLink link, IReadOnlyList<QueueEntry> entries, string passphrase, string ip, string userAgent, CancellationToken ct)
    {
        var q = QueueTexts.For(link.Language);
        var outcomes = new Dictionary<Guid, QueueOutcome>();
        var plain = new List<QueueEntry>();
        var secret = new List<(QueueEntry Entry, SecretPrompt Prompt)>();
        foreach (var e in entries)
        {
            if (await ClosedAsync(e, q, ct) is { } closed) { outcomes[e.Step.Id] = closed; continue; }
            var lookup = new TokenLookup { Step = e.Step, Document = e.Document };
            var prompt = await secrets.PromptAsync(lookup, q.Page, ct);
            if (prompt is null && availability.Unavailable(lookup)) outcomes[e.Step.Id] = Kept(e, SigningAvailability.Sentence);
            else if (prompt is null) plain.Add(e);
            else if (prompt.Blocked is { } blocked) outcomes[e.Step.Id] = Kept(e, blocked);
            else if (prompt.Signing.Totp) outcomes[e.Step.Id] = Kept(e, q.OwnPage);
            else secret.Add((e, prompt));
        }
        if (secret.Count > 0 && passphrase.Length == 0)
            return QueueResult.Refused(StatusCodes.Status400BadRequest, SecretTexts.For(q.Page.Lang, secret[0].Prompt.Signing).Missing);

        // Signing comes first: a wrong passphrase refuses the whole post before anything is decided.
        foreach (var group in secret.GroupBy(s => s.Prompt.Signing.Signer))
        {
            var refusal = await SignAndApproveAsync(group.ToList(), passphrase, q, outcomes, ip, userAgent, ct);
            if (refusal is not null && !outcomes.Values.Any(o => o.Decided)) return refusal;
            if (refusal is not null) foreach (var (e, _) in group) outcomes.TryAdd(e.Step.Id, Kept(e, refusal.Refusal!));
        }
        foreach (var e in plain) outcomes[e.Step.Id] = await DecideAsync(e, approve: true, reason: null, q, ip, userAgent, ct);
        return new QueueResult { Status = StatusCodes.Status200OK, Outcomes = entries.Select(e => outcomes[e.Step.Id]).ToList() };
    }

    /// <summary>Rejects one document with the official's reason.</summary>
    public async Task<QueueResult> RejectAsync(QueueLink link, QueueEntry entry, string reason, string ip, string userAgent, CancellationToken ct)
    {
        var q = QueueTexts.For(link.Language);
        var outcome = await ClosedAsync(entry, q, ct) ?? await DecideAsync(entry, approve: false, reason, q, ip, userAgent, ct);
        return new QueueResult { Status = StatusCodes.Status200OK, Outcomes = [outcome] };
    }

    // Under every document's lock (taken in id order, so two batches never wait on each other), each still open and not paused.
    private async Task<QueueResult?> SignAndApproveAsync(List<(QueueEntry Entry, SecretPrompt Prompt)> group, string passphrase, QueueTexts q,
        Dictionary<Guid, QueueOutcome> outcomes, string ip, string userAgent, CancellationToken ct)
    {
        var s = SecretTexts.For(q.Page.Lang, group[0].Prompt.Signing);
        var held = new List<DocumentLock>();
        try
        {
            var ready = new List<QueueEntry>();
            foreach (var (e, _) in group.OrderBy(g => g.Entry.Document.Id))
            {
                if (await signing.LockAsync(e.Document.Id, ct) is not { } taken) { outcomes[e.Step.Id] = Kept(e, s.Busy); continue; }
                held.Add(taken);
                if (await ClosedAsync(e, q, ct) is { } closed) outcomes[e.Step.Id] = closed;
                else if (await attempts.WrongAsync(e.TokenSha256!, ct) >= SecretApproval.MaxWrong) outcomes[e.Step.Id] = Kept(e, s.Paused);
                else ready.Add(e);
            }
            if (ready.Count == 0) return null;
            IReadOnlyList<string?> errors;
            try
            {
                errors = await signing.SignBatchAsync([.. ready.Select(e => (e.Document.Id, e.Step.Id, e.Document.Route))], new PersonalSecret(passphrase), ct);
            }
            catch (Exception e) when (RemoteSigningFailures.WrongSecret(e))
            {
                foreach (var r in ready) await RecordWrongAsync(r, ip);
                LogWrongSecret(ready.Count);
                return QueueResult.Refused(StatusCodes.Status400BadRequest, s.Wrong);
            }
            catch (Exception e) when (RemoteSigningFailures.Unavailable(e))
            {
                LogUnavailable(ready.Count, e.Message);
                return QueueResult.Refused(StatusCodes.Status503ServiceUnavailable, s.Unavailable);
            }
            catch (Exception e) when (RemoteSigningFailures.Refused(e))
            {
                LogRefused(ready.Count, e.Message.ReplaceLineEndings(" "));
                errors = [.. ready.Select(_ => e.Message)];
            }
            for (var i = 0; i < ready.Count; i++)
                outcomes[ready[i].Step.Id] = errors[i] is { } error
                    ? Kept(ready[i], string.Format(q.NotSigned, error.ReplaceLineEndings(" ")))
                    : await DecideAsync(ready[i], approve: true, reason: null, q, ip, userAgent, ct);
            return null;
        }
        finally
        {
            foreach (var h in held) await h.DisposeAsync();
        }
    }

    private Task<int> RecordWrongAsync(QueueEntry e, string ip) =>
        attempts.RecordWrongAsync(e.TokenSha256!, new WrongSecret
        {
            DocumentId = e.Document.Id, StepId = e.Step.Id, Position = e.Step.Position, Actor = e.Step.ApproverEmail, Source = ip, At = clock.GetUtcNow(),
        }, SecretApproval.MaxWrong, CancellationToken.None);

    private async Task<QueueOutcome> DecideAsync(QueueEntry e, bool approve, string? reason, QueueTexts q, string ip, string userAgent, CancellationToken ct)
    {
        var result = await decisions.DecideAsync(e.TokenSha256!, e.Document, approve, reason, ip, userAgent, ct);
        if (result is { Recorded: true })
            return new QueueOutcome { Document = e.Document, Decided = true, Text = approve ? q.Page.ApprovedWord : q.Page.RejectedWord };
        // Decided between the look-up and the lock (another tab, the single link): say what is recorded now.
        return await ClosedAsync(e, q, ct) ?? Kept(e, q.NotOpen);
    }

    // Null while the step can still be decided; otherwise what happened to it, read fresh.
    private async Task<QueueOutcome?> ClosedAsync(QueueEntry e, QueueTexts q, CancellationToken ct)
    {
        var lookup = e.TokenSha256 is { } hash ? await store.FindByTokenAsync(hash, ct) : TokenLookup.Unknown;
        return ApprovalEndpoints.Classify(lookup, clock.GetUtcNow()) switch
        {
            LinkStatus.Active => null,
            LinkStatus.Decided when lookup.Step is { } s => Kept(e, string.Format(q.DecidedBefore,
                s.State == StepState.Approved ? q.Page.ApprovedWord : q.Page.RejectedWord,
                s.DecidedAt is { } at ? LocalTime.Format(at, officeHours.Value.Zone(), q.Page.Lang) : "—")),
            _ => Kept(e, q.NotOpen),
        };
    }

    private static QueueOutcome Kept(QueueEntry e, string why) => new() { Document = e.Document, Decided = false, Text = why };

    [LoggerMessage(LogLevel.Warning, "Queue: a wrong signing secret for {Count} document(s); nothing changed")]
    private partial void LogWrongSecret(int count);

    [LoggerMessage(LogLevel.Warning, "Queue: the signing service is unavailable for {Count} document(s); nothing changed: {Problem}")]
    private partial void LogUnavailable(int count, string problem);

    [LoggerMessage(LogLevel.Error, "Queue: signing {Count} document(s) at approval refused; nothing changed: {Problem}")]
    private partial void LogRefused(int count, string problem);
}
