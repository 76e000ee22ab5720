using System.Net.Http.Headers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Persistence;
using Worker.Web;

namespace Worker.Approval;

/// <summary>
/// /approve/{token}: GET shows the document and the choice and never changes anything (mail scanners open links);
/// POST records the decision, only with a valid antiforgery token and the confirmation box ticked.
/// </summary>
public static class ApprovalEndpoints
{
    /// <summary>Rate-limiter policy: requests per client address and minute (Worker:Approval:RequestsPerMinute).</summary>
    public const string RateLimitPolicy = "approval-per-client";

    public static RouteGroupBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/approve").RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(SecurityHeaders.AddAsync);
        group.MapGet("/{token}", GetPageAsync);
        group.MapGet("/{token}/document", GetDocumentAsync);
        group.MapPost("/{token}", PostDecisionAsync);
        // Outside the per-client limit (a 10-page letter is 10 requests); only a browser holding the page's grant gets past the first check.
        app.MapGroup("/approve/pages").AddEndpointFilter(SecurityHeaders.AddAsync).MapGet("/{id:guid}/{page:int}.jpg", ApprovalPageImageEndpoint.GetAsync);
        return group;
    }

    public static async Task<RazorComponentResult> GetPageAsync(string token, HttpContext http, ApprovalStore store, IAntiforgery antiforgery,
        SecretApproval secrets, SigningAvailability signing, IOptions<OfficeHoursOptions> officeHours, IOptions<ApprovalOptions> approval, TimeProvider clock,
        CancellationToken ct)
    {
        var (status, lookup) = await LookupAsync(token, store, clock, ct);
        var texts = ApprovalResponses.TextsFor(lookup, http);
        if (status != LinkStatus.Active) return ApprovalResponses.NotUsable(http, status, lookup, texts, officeHours.Value);
        var prompt = await secrets.PromptAsync(lookup, texts, ct);
        // A step that signs with the official's secret has its own page for an unusable BSrE signer (status, then the call).
        if (prompt is null && signing.Unavailable(lookup)) return SigningUnavailable(http, texts);
        return ApprovalResponses.DecisionPage(http, antiforgery, lookup, token, texts, officeHours.Value, approval.Value, StatusCodes.Status200OK,
            secret: prompt);
    }

    public static async Task<Results<PhysicalFileHttpResult, RazorComponentResult>> GetDocumentAsync(string token, HttpContext http,
        ApprovalStore store, IOptions<OfficeHoursOptions> officeHours, TimeProvider clock, CancellationToken ct)
    {
        var (status, lookup) = await LookupAsync(token, store, clock, ct);
        if (status != LinkStatus.Active) return ApprovalResponses.NotUsable(http, status, lookup, ApprovalResponses.TextsFor(lookup, http), officeHours.Value);
        return Original(http, lookup.Document!);
    }

    /// <summary>The approved original, shown inline in the browser's own PDF viewer (also from the queue).</summary>
    internal static PhysicalFileHttpResult Original(HttpContext http, DocumentRecord document)
    {
        var path = document.ContentPath is { } p && File.Exists(p)
            ? Path.GetFullPath(p)
            : throw new FileNotFoundException($"the stored original of document {document.Id} is missing");
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = document.SourceName }.ToString();
        // Chrome's built-in PDF viewer does not open under default-src 'none'; framing stays forbidden.
        http.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        return TypedResults.PhysicalFile(path, "application/pdf");
    }

    public static async Task<RazorComponentResult> PostDecisionAsync(string token, HttpContext http, ApprovalStore store,
        ApprovalDecisions decisions, SecretApproval secrets, SigningAvailability signing, IAntiforgery antiforgery, IOptions<OfficeHoursOptions> officeHours,
        IOptions<ApprovalOptions> approval, TimeProvider clock, CancellationToken ct)
    {
        var (status, lookup) = await LookupAsync(token, store, clock, ct);
        var t = ApprovalResponses.TextsFor(lookup, http);
        if (status != LinkStatus.Active) return ApprovalResponses.NotUsable(http, status, lookup, t, officeHours.Value);
        if (!await antiforgery.IsRequestValidAsync(http))
            return ApprovalResponses.Message(http, StatusCodes.Status400BadRequest, t, t.PageTitle, t.BadForm);

        var form = await http.Request.ReadFormAsync(ct);
        var decision = form["decision"].ToString();
        var reason = form["reason"].ToString().Trim();
        var max = approval.Value.ReasonMaxLength;
        var refusal =
            form["confirm"] != "yes" || decision is not ("approve" or "reject") ? t.NeedConfirm
            : decision == "reject" && reason.Length == 0 ? t.NeedReason
            : reason.Length > max ? string.Format(t.ReasonTooLong, max)
            : null;
        var prompt = await secrets.PromptAsync(lookup, t, ct);
        if (decision == "sendcode" && prompt is { Signing.Totp: true, Blocked: null })
            return await secrets.SendCodeAsync(token, http, lookup, t, prompt, ct);
        if (refusal is not null)
            return ApprovalResponses.DecisionPage(http, antiforgery, lookup, token, t, officeHours.Value, approval.Value, StatusCodes.Status400BadRequest,
                refusal, reason, prompt);

        var approve = decision == "approve";
        if (approve && prompt is null && signing.Unavailable(lookup)) return SigningUnavailable(http, t);
        var userAgent = http.Request.Headers.UserAgent.ToString();
        if (approve && prompt is not null)
            return await secrets.ApproveAsync(token, http, lookup, t, prompt, form["passphrase"].ToString(),
                http.Connection.RemoteIpAddress?.ToString() ?? "", userAgent.Length > 500 ? userAgent[..500] : userAgent, ct);
        var result = await decisions.DecideAsync(ApprovalTokens.Hash(token)!, lookup.Document!, approve, approve ? null : reason,
            http.Connection.RemoteIpAddress?.ToString() ?? "", userAgent.Length > 500 ? userAgent[..500] : userAgent, ct);
        if (result is not { Recorded: true })
        {
            // Someone (or something) decided between our look-up and the lock: show what is recorded now.
            var (now, current) = await LookupAsync(token, store, clock, ct);
            return ApprovalResponses.NotUsable(http, now, current, t, officeHours.Value);
        }
        return ApprovalResponses.Message(http, StatusCodes.Status200OK, t, t.DoneTitle, approve ? t.ApprovedDone : t.RejectedDone);
    }

    // 503: nothing was decided, and the same link works once the signer's check is green again.
    private static RazorComponentResult SigningUnavailable(HttpContext http, ApprovalTexts t) =>
        ApprovalResponses.Message(http, StatusCodes.Status503ServiceUnavailable, t, t.PageTitle, SigningAvailability.Sentence);

    internal static async Task<(LinkStatus, TokenLookup)> LookupAsync(string token, ApprovalStore store, TimeProvider clock, CancellationToken ct) =>
        ApprovalTokens.Hash(token) is { } hash ? await LookupHashAsync(hash, store, clock, ct) : (LinkStatus.Unknown, TokenLookup.Unknown);

    internal static async Task<(LinkStatus, TokenLookup)> LookupHashAsync(byte[] tokenSha256, ApprovalStore store, TimeProvider clock, CancellationToken ct)
    {
        var lookup = await store.FindByTokenAsync(tokenSha256, ct);
        return (Classify(lookup, clock.GetUtcNow()), lookup);
    }

    internal static LinkStatus Classify(TokenLookup lookup, DateTimeOffset now) => lookup switch
    {
        { Step: null } or { Document: null } => LinkStatus.Unknown,
        { Retired: true } => LinkStatus.Retired,
        { Step.State: StepState.Approved or StepState.Rejected } => LinkStatus.Decided,
        { Step.State: StepState.Expired } => LinkStatus.Expired,
        { Step.State: not StepState.Waiting } => LinkStatus.Closed,
        { Document.State: not DocumentState.AwaitingApproval } => LinkStatus.Closed,
        { Step.TokenExpiresAt: { } expires } when expires <= now => LinkStatus.Expired,
        _ => LinkStatus.Active,
    };
}
