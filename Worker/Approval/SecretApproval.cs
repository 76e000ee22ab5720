using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Notifications;
using Worker.Persistence;
using Worker.Signing;
using Worker.Signing.Bsre;

namespace Worker.Approval;

/// <summary>
/// An approval that signs with the official's own secret, inside the request, under the document's lock: the passphrase
/// (or TOTP code) goes from the form into the signing call and nowhere else. Only a signed, checked output is followed by
/// the recorded approval; a wrong secret or an unreachable service changes nothing and the link stays usable.
/// </summary>
public sealed partial class SecretApproval(
    ApprovalSigning signing, ApprovalDecisions decisions, ApprovalStore store, SecretAttemptStore attempts, OperatorAlerts alerts, IAntiforgery antiforgery,
    BsreSigner bsre, BsreStatusCache statuses, IOptions<OfficeHoursOptions> officeHours, IOptions<ApprovalOptions> approval, TimeProvider clock,
    ILogger<SecretApproval> logger)
{
    /// <summary>Wrong passphrases after which a link signs no more.</summary>
    public const int MaxWrong = 5;

    /// <summary>
    /// What the page asks for when approving this link's step signs with the official's secret (null when it does not);
    /// blocked, before anything is typed, while others must approve first or the certificate is not ISSUE.
    /// </summary>
    public async Task<SecretPrompt?> PromptAsync(TokenLookup lookup, ApprovalTexts t, CancellationToken ct)
    {
        if (lookup is not { Step: { } step, Document: { } document }) return null;
        if (await signing.SecretSigningAsync(document.Id, step.Id, document.Route, ct) is not { } plan) return null;
        var s = SecretTexts.For(t.Lang, plan);
        if (plan.OthersFirst > 0) return new SecretPrompt { Signing = plan, Blocked = string.Format(s.OthersFirst, plan.OthersFirst) };
        if (await statuses.StatusAsync(plan.Signer, plan.Profile, ct) is not { CanSign: false } status) return new SecretPrompt { Signing = plan };
        if (statuses.FirstTime(plan.Signer, status.Status))
        {
            LogNotIssued(plan.Signer, status.Status);
            await alerts.SendAsync($"Sertifikat BSrE {plan.Signer} berstatus {status.Status} / BSrE certificate {status.Status}",
                $"{step.ApproverName} ({step.ApproverEmail}) tidak dapat menandatangani: status sertifikat di BSrE {status.Status} ({status.Message}). " +
                $"Dokumen {document.Id} ({document.Title}) menunggu. Hubungi BSrE/admin TTE; `Worker signers check {plan.Signer}` menunjukkan status terkini.\n" +
                $"The official cannot sign: BSrE reports the certificate as {status.Status}. Documents wait until it is ISSUE again.", ct);
        }
        return new SecretPrompt { Signing = plan, Blocked = string.Format(s.NotIssued, status.Status) };
    }

    /// <summary>Asks BSrE to send the official a TOTP code, then shows the page with the code field.</summary>
    public async Task<RazorComponentResult> SendCodeAsync(string token, HttpContext http, TokenLookup lookup, ApprovalTexts t, SecretPrompt prompt, CancellationToken ct)
    {
        try
        {
            await bsre.Client(prompt.Signing.Profile).RequestTotpAsync(BsreIdentity.Of(prompt.Signing.Profile), 1, ct);
        }
        catch (BsreException e)
        {
            LogUnavailable(lookup.Document!.Id, e.Message);
            return ApprovalResponses.DecisionPage(http, antiforgery, lookup, token, t, officeHours.Value, approval.Value,
                StatusCodes.Status503ServiceUnavailable, SecretTexts.For(t.Lang, totp: true).Unavailable, secret: prompt);
        }
        return ApprovalResponses.DecisionPage(http, antiforgery, lookup, token, t, officeHours.Value, approval.Value, StatusCodes.Status200OK,
            secret: prompt with { CodeSent = true });
    }

    public async Task<RazorComponentResult> ApproveAsync(
        string token, HttpContext http, TokenLookup lookup, ApprovalTexts t, SecretPrompt prompt, string passphrase, string ip, string userAgent, CancellationToken ct)
    {
        var s = SecretTexts.For(t.Lang, prompt.Signing);
        var document = lookup.Document!;
        RazorComponentResult Page(int status, string error) =>
            ApprovalResponses.DecisionPage(http, antiforgery, lookup, token, t, officeHours.Value, approval.Value, status, error, secret: prompt);
        if (prompt.Blocked is not null) return Page(StatusCodes.Status409Conflict, prompt.Blocked);
        if (passphrase.Length == 0) return Page(StatusCodes.Status400BadRequest, s.Missing);

        // A double tap waits here for the first tap's signing, then finds the step decided.
        await using var held = await signing.LockAsync(document.Id, ct);
        if (held is null) return Page(StatusCodes.Status503ServiceUnavailable, s.Busy);
        var (status, current) = await ApprovalEndpoints.LookupAsync(token, store, clock, ct);
        if (status != LinkStatus.Active) return ApprovalResponses.NotUsable(http, status, current, t, officeHours.Value);
        var tokenSha256 = ApprovalTokens.Hash(token)!;
        if (await attempts.WrongAsync(tokenSha256, ct) >= MaxWrong) return Paused(http, t, s);

        try
        {
            await signing.SignAsync(document.Id, lookup.Step!.Id, document.Route, new PersonalSecret(passphrase), ct);
        }
        catch (Exception e) when (RemoteSigningFailures.WrongSecret(e))
        {
            var step = lookup.Step!;
            var wrong = await attempts.RecordWrongAsync(tokenSha256, new WrongSecret
            {
                DocumentId = document.Id, StepId = step.Id, Position = step.Position, Actor = step.ApproverEmail, Source = ip, At = clock.GetUtcNow(),
            }, MaxWrong, CancellationToken.None);
            LogWrongSecret(document.Id, step.Position, wrong);
            if (wrong < MaxWrong) return Page(StatusCodes.Status400BadRequest, s.Wrong);
            await alerts.SendAsync($"Penandatanganan dihentikan: {document.Title} / signing paused",
                $"{step.ApproverName} ({step.ApproverEmail}) salah memasukkan {s.Label} {wrong} kali untuk dokumen {document.Id}. " +
                $"Tautan ini tidak lagi dapat menandatangani; kirim tautan baru (approvals resend {document.Id}) setelah memastikan dengan pejabat.\n" +
                $"The signing secret was wrong {wrong} times; the link signs no more until an operator sends a new one.", CancellationToken.None,
                extra: step.ApproverEmail);
            return Paused(http, t, s);
        }
        catch (Exception e) when (RemoteSigningFailures.Unavailable(e))
        {
            LogUnavailable(document.Id, e.Message);
            return Page(StatusCodes.Status503ServiceUnavailable, s.Unavailable);
        }
        catch (Exception e) when (RemoteSigningFailures.Refused(e))
        {
            LogRefused(document.Id, e.Message.ReplaceLineEndings(" "));
            await alerts.SendAsync($"Penandatanganan dokumen {document.Id} gagal / signing document {document.Id} failed",
                $"{document.Title}\n{lookup.Step!.ApproverName}: {e.Message}", ct);
            return Page(StatusCodes.Status502BadGateway, s.Refused);
        }

        var result = await decisions.DecideAsync(tokenSha256, document, approve: true, reason: null, ip, userAgent, ct);
        if (result is not { Recorded: true })
        {
            var (now, latest) = await ApprovalEndpoints.LookupAsync(token, store, clock, ct);
            return ApprovalResponses.NotUsable(http, now, latest, t, officeHours.Value);
        }
        return ApprovalResponses.Message(http, StatusCodes.Status200OK, t, t.DoneTitle, s.Done);
    }

    private static RazorComponentResult Paused(HttpContext http, ApprovalTexts t, SecretTexts s) =>
        ApprovalResponses.Message(http, StatusCodes.Status423Locked, t, t.PageTitle, s.Paused);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: step {Position} typed a wrong signing secret (try {Wrong}); nothing changed")]
    private partial void LogWrongSecret(Guid documentId, int position, int wrong);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: the signing service is unavailable; nothing changed: {Problem}")]
    private partial void LogUnavailable(Guid documentId, string problem);

    [LoggerMessage(LogLevel.Error, "Document {DocumentId}: signing at approval refused; nothing changed: {Problem}")]
    private partial void LogRefused(Guid documentId, string problem);

    [LoggerMessage(LogLevel.Warning, "Signer {Signer}: BSrE reports the certificate as {Status}; its approval pages say so and ask for nothing")]
    private partial void LogNotIssued(string signer, string status);
}
