using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Persistence;
using Worker.Signing;

namespace Worker.Approval;

/// <summary>
/// An approval that signs with the official's own secret, inside the request, under the document's lock: the passphrase
/// goes from the form into the signing call and nowhere else. Only a signed, checked output is followed by the recorded
/// approval; a wrong passphrase or an unreachable service changes nothing and the link stays usable.
/// </summary>
public sealed partial class SecretApproval(
    ApprovalSigning signing, ApprovalDecisions decisions, ApprovalStore store, SecretAttemptStore attempts, OperatorAlerts alerts, IAntiforgery antiforgery,
    IOptions<WorkerOptions> options, TimeProvider clock, ILogger<SecretApproval> logger)
{
    /// <summary>Wrong passphrases after which a link signs no more.</summary>
    public const int MaxWrong = 5;

    /// <summary>The secret approving this link's step needs from the official, or null.</summary>
    public Task<SecretPrompt?> AsksSecretAsync(TokenLookup lookup, CancellationToken ct) =>
        lookup is { Step: { } step, Document: { } document }
            ? signing.PromptAsync(document.Id, step.Id, document.Route, ct)
            : Task.FromResult<SecretPrompt?>(null);

    public async Task<ContentHttpResult> ApproveAsync(string token, HttpContext http, TokenLookup lookup, ApprovalTexts t, SecretPrompt prompt,
        string passphrase, string ip, string userAgent, CancellationToken ct)
    {
        var s = SecretTexts.For(t.Lang, prompt);
        var document = lookup.Document!;
        var o = options.Value;
        ContentHttpResult Page(int status, string error) =>
            ApprovalResponses.DecisionPage(http, antiforgery, lookup, token, t, o, status, error, secret: prompt);
        if (passphrase.Length == 0) return Page(StatusCodes.Status400BadRequest, s.Missing);

        // A double tap waits here for the first tap's signing, then finds the step decided.
        await using var held = await signing.LockAsync(document.Id, ct);
        if (held is null) return Page(StatusCodes.Status503ServiceUnavailable, s.Busy);
        var (status, current) = await ApprovalEndpoints.LookupAsync(token, store, clock, ct);
        if (status != LinkStatus.Active) return ApprovalResponses.NotUsable(http, status, current, t, o);
        var tokenSha256 = ApprovalTokens.Hash(token)!;
        if (await attempts.WrongAsync(tokenSha256, ct) >= MaxWrong) return Paused(http, t, s);

        try
        {
            await signing.SignAsync(document.Id, lookup.Step!.Id, document.Route, new PersonalSecret(passphrase), ct);
        }
        catch (Exception e) when (RemoteSigningFailures.WrongSecret(e))
        {
            var wrong = await attempts.RecordWrongAsync(tokenSha256, lookup.Step!.Id, clock.GetUtcNow(), CancellationToken.None);
            LogWrongSecret(document.Id, lookup.Step.Position, wrong);
            if (wrong < MaxWrong) return Page(StatusCodes.Status400BadRequest, s.Wrong);
            await alerts.SendAsync($"Penandatanganan dihentikan: {document.Title} / signing paused",
                $"{lookup.Step.ApproverName} ({lookup.Step.ApproverEmail}) salah memasukkan {SecretTexts.For("id", prompt).Label} {wrong} kali untuk dokumen {document.Id}. " +
                $"Tautan ini tidak lagi dapat menandatangani; kirim tautan baru (approvals resend {document.Id}) setelah memastikan dengan pejabat.\n" +
                $"The signing {prompt.Secret.ToLowerInvariant()} was wrong {wrong} times; the link signs no more until an operator sends a new one.", CancellationToken.None,
                extra: lookup.Step.ApproverEmail);
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

        var result = await decisions.DecideAsync(ApprovalTokens.Hash(token)!, document, approve: true, reason: null, ip, userAgent, ct);
        if (result is not { Recorded: true })
        {
            var (now, latest) = await ApprovalEndpoints.LookupAsync(token, store, clock, ct);
            return ApprovalResponses.NotUsable(http, now, latest, t, o);
        }
        return ApprovalResponses.Html(http, StatusCodes.Status200OK, nonce => ApprovalPage.Message(t, t.DoneTitle, s.Done, nonce));
    }

    private static ContentHttpResult Paused(HttpContext http, ApprovalTexts t, SecretTexts s) =>
        ApprovalResponses.Html(http, StatusCodes.Status423Locked, nonce => ApprovalPage.Message(t, t.PageTitle, s.Paused, nonce));

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: step {Position} typed a wrong signing secret (try {Wrong}); nothing changed")]
    private partial void LogWrongSecret(Guid documentId, int position, int wrong);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: the signing service is unavailable; nothing changed: {Problem}")]
    private partial void LogUnavailable(Guid documentId, string problem);

    [LoggerMessage(LogLevel.Error, "Document {DocumentId}: signing at approval refused; nothing changed: {Problem}")]
    private partial void LogRefused(Guid documentId, string problem);
}
