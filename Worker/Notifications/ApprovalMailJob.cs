using Hangfire;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Metrics;
using Worker.Persistence;

namespace Worker.Notifications;

/// <summary>
/// Delivers outbox rows. Each row is locked and marked sent in one transaction, so a retry (or a second worker) never sends it
/// twice; a failure is recorded on the row and its step, then the job fails so Hangfire retries it with growing delays.
/// </summary>
public sealed partial class ApprovalMailJob(
    OutboxStore outbox, DelegationStore delegations, IApprovalRequestLinks links, IMailSender sender, MailComposer composer, WorkerMetrics metrics,
    RouteBook routes, IOptions<OfficeHoursOptions> officeHours, IOptions<MailOptions> mailOptions, IOptions<WorkerOptions> options,
    TimeProvider clock, ILogger<ApprovalMailJob> logger)
{
    /// <summary>The reason an expiry notice gives for a document nobody answered in time.</summary>
    private const string ExpiredReason = "kedaluwarsa / expired";

    // 5 s, 30 s, 2 min, 5 min, 15 min, 30 min, then hourly: about a day before an operator has to requeue it.
    [AutomaticRetry(Attempts = 30, DelaysInSeconds = [5, 30, 120, 300, 900, 1800, 3600])]
    public async Task DeliverAsync(Guid[] outboxIds, CancellationToken ct)
    {
        var failures = new List<string>();
        await using var batch = await sender.OpenBatchAsync(ct);
        foreach (var id in outboxIds)
        {
            var error = await DeliverOneAsync(batch, id, ct);
            if (error is not null) failures.Add(error);
        }
        if (failures.Count > 0)
            throw new MailNotSentException($"{failures.Count} of {outboxIds.Length} email(s) not sent: {failures[0]}");
    }

    private async Task<string?> DeliverOneAsync(IMailBatch batch, Guid id, CancellationToken ct)
    {
        // Known once the row is claimed; a failure before that (the database) is counted without them.
        var (route, kind) = ("unknown", "unknown");
        try
        {
            await using var claim = await outbox.ClaimAsync(id, ct);
            if (claim is null) return null;
            (route, kind) = (claim.Document.Route, claim.Mail.Kind);
            var now = clock.GetUtcNow();
            if (MailKind.CarriesLink(claim.Mail.Kind) && WhyNotNeeded(claim, now) is { } why)
            {
                await claim.CancelAsync(why, ct);
                LogCancelled(claim.Mail.Kind, claim.Mail.DocumentId, why);
                return null;
            }
            var message = composer.Compose(await RenderAsync(claim, now, ct), claim.Mail.Recipient);
            var firstInvite = await claim.IsFirstInviteAsync(ct);
            await batch.SendAsync(message, ct);
            var sentAt = clock.GetUtcNow();
            await claim.CompleteAsync(message.MessageId ?? "", sentAt, ct);
            metrics.EmailsSent.WithLabels(route, kind).Inc();
            if (firstInvite) metrics.IntakeToEmail.WithLabels(route).Observe(Math.Max(0, (sentAt - claim.Document.ReceivedAt).TotalSeconds));
            LogSent(claim.Mail.Kind, claim.Mail.DocumentId, claim.Mail.Recipient);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = $"{e.GetType().Name}: {e.Message}";
            metrics.EmailsFailed.WithLabels(route, kind).Inc();
            await outbox.RecordFailureAsync(id, error, CancellationToken.None);
            LogFailed(id, error);
            return error;
        }
    }

    private static string? WhyNotNeeded(OutboxClaim claim, DateTimeOffset now) => claim.Step switch
    {
        null => "the step no longer exists",
        { State: not StepState.Waiting } s => $"the step is {s.State}",
        _ when claim.Document.State != DocumentState.AwaitingApproval => $"the document is {claim.Document.State}",
        { TokenExpiresAt: { } expires } when expires <= now => "the link expired before it could be sent",
        _ => null,
    };

    private async Task<MailContent> RenderAsync(OutboxClaim claim, DateTimeOffset now, CancellationToken ct)
    {
        var d = claim.Document;
        var zone = officeHours.Value.Zone();
        if (claim.Mail.Kind is MailKind.Filed or MailKind.Failed) return RenderSigningNotice(claim, zone);
        if (claim.Mail.Kind == MailKind.Cancelled) return RenderCancelled(d, zone);
        if (claim.Mail.Kind == MailKind.Refused) return RenderRefused(d, zone);
        var step = claim.Step ?? throw new InvalidOperationException($"outbox row {claim.Mail.Id} has no step");
        if (claim.Mail.Kind == MailKind.DelegatedCopy) return await RenderCopyAsync(claim, step, zone, ct);
        if (!MailKind.CarriesLink(claim.Mail.Kind))
            return OutcomeNoticeTemplate.Render(new OutcomeNoticeMail
            {
                Expired = claim.Mail.Kind == MailKind.Expired,
                Title = d.Title, Number = d.Number, SourceName = d.SourceName,
                ApproverName = step.ApproverName, ApproverPosition = step.ApproverPosition,
                Reason = claim.Mail.Kind == MailKind.Expired ? ExpiredReason : step.Reason ?? "",
                At = (claim.Mail.Kind == MailKind.Expired ? step.TokenExpiresAt : step.DecidedAt) ?? now,
                TimeZone = zone,
            });
        var (link, queueLink) = await links.IssueAsync(claim, step, now, ct);
        return ApprovalRequestTemplate.Render(new ApprovalRequestMail
        {
            Language = step.Language, ApproverName = step.ApproverName,
            Title = d.Title, Number = d.Number, Submitter = d.SubmitterEmail, PageCount = d.PageCount, SizeBytes = d.SizeBytes,
            ReceivedAt = d.ReceivedAt, Sha256 = d.Sha256,
            Link = link,
            QueueLink = queueLink,
            ExpiresAt = step.TokenExpiresAt ?? now,
            Contact = routes.ContactFor(d.Route),
            Reminder = claim.Mail.Kind == MailKind.Reminder ? Math.Max(1, step.RemindersSent) : 0,
            TimeZone = zone,
        });
    }

    private MailContent RenderSigningNotice(OutboxClaim claim, TimeZoneInfo zone)
    {
        var mail = mailOptions.Value;
        var d = claim.Document;
        var filed = claim.Mail.Kind == MailKind.Filed;
        var signEach = routes.Find(d.Route)?.SignEach == true;
        var approved = claim.Steps.Where(s => s.State == StepState.Approved).ToList();
        var signers = (signEach ? approved : approved.TakeLast(1)).Select(s => $"{s.ApproverName} ({s.ApproverPosition})").ToList();
        // The claim read the document after the transaction that queued this notice had committed: its signed file, error and time are on it.
        var attach = filed && d.SignedPath is { } signed && File.Exists(signed) && new FileInfo(signed).Length <= mail.AttachSignedUpToBytes;
        return SigningNoticeTemplate.Render(new SigningNoticeMail
        {
            Filed = filed, Title = d.Title, Number = d.Number, SourceName = d.SourceName, Signers = signers,
            VerifyUrl = VerifyLink.For(options.Value.PublicBaseUrl, d.Id), Error = d.Error, At = d.FiledAt ?? d.UpdatedAt, TimeZone = zone,
            OperatorsTold = mail.Operators.Count > 0,
            Attachment = attach ? d.SignedPath : null,
        });
    }

    private async Task<MailContent> RenderCopyAsync(OutboxClaim claim, ApprovalStep step, TimeZoneInfo zone, CancellationToken ct)
    {
        var d = claim.Document;
        var delegation = await delegations.OfStepAsync(step.Id, ct);
        return DelegatedCopyTemplate.Render(new DelegatedCopyMail
        {
            Title = d.Title, Number = d.Number, SourceName = d.SourceName,
            DeputyName = step.ApproverName, DeputyPosition = step.ApproverPosition, DeputyEmail = step.ApproverEmail,
            Until = delegation?.EndsAt ?? step.TokenExpiresAt ?? clock.GetUtcNow(),
            Contact = routes.ContactFor(d.Route), TimeZone = zone,
        });
    }

    private static MailContent RenderRefused(DocumentRecord d, TimeZoneInfo zone)
    {
        // The stored error is the clerk's two lines, then the detail for operators, which stays out of the mail.
        var lines = (d.Error ?? "").Split('\n');
        return RefusedNoticeTemplate.Render(new RefusedNoticeMail
        {
            SourceName = d.SourceName, Route = d.Route, Duplicate = d.State == DocumentState.Duplicate,
            ReasonId = lines[0], ReasonEn = lines.Length > 1 ? lines[1] : lines[0], At = d.ReceivedAt, TimeZone = zone,
        });
    }

    private static MailContent RenderCancelled(DocumentRecord d, TimeZoneInfo zone)
    {
        // The operator's reason is on the document (its error), written with the cancellation; so is the time.
        return OutcomeNoticeTemplate.Render(new OutcomeNoticeMail
        {
            Expired = false, Cancelled = true, Title = d.Title, Number = d.Number, SourceName = d.SourceName,
            ApproverName = "operator", ApproverPosition = "", Reason = d.Error ?? "", At = d.UpdatedAt, TimeZone = zone,
        });
    }

    [LoggerMessage(LogLevel.Information, "Email {Kind} for document {DocumentId} sent to {Recipient}")]
    private partial void LogSent(string kind, Guid documentId, string recipient);

    [LoggerMessage(LogLevel.Information, "Email {Kind} for document {DocumentId} not sent: {Why}")]
    private partial void LogCancelled(string kind, Guid documentId, string why);

    [LoggerMessage(LogLevel.Warning, "Email {OutboxId} not sent yet, will retry: {Error}")]
    private partial void LogFailed(Guid outboxId, string error);
}
