using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Persistence;
using Worker.Web;

namespace Worker.Approval.Queue;

/// <summary>
/// /queue/{token}: an approver's waiting documents across routes. GET lists them and never decides (mail scanners open links);
/// POST approves the ticked ones or rejects one, with the same antiforgery token, confirmation box and rate limit as /approve.
/// The link opens exactly one approver's queue: every document id in a form is checked against that approver's steps.
/// </summary>
public static class QueueEndpoints
{
    /// <summary>Where queue links start.</summary>
    public const string Prefix = "/queue";

    public static RouteGroupBuilder MapQueueEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).RequireRateLimiting(ApprovalEndpoints.RateLimitPolicy).AddEndpointFilter(SecurityHeaders.AddAsync);
        group.MapGet("/{token}", GetPageAsync);
        group.MapGet("/{token}/view/{stepId:guid}", GetViewAsync);
        group.MapGet("/{token}/document/{stepId:guid}", GetDocumentAsync);
        group.MapPost("/{token}", PostAsync);
        return group;
    }

    public static async Task<RazorComponentResult> GetPageAsync(string token, HttpContext http, QueueStore queue, SecretApproval secrets,
        IAntiforgery antiforgery, IOptions<OfficeHoursOptions> officeHours, IOptions<ApprovalOptions> approval, TimeProvider clock, CancellationToken ct)
    {
        var (link, gone) = await LinkAsync(token, queue, http, clock, ct);
        return gone ?? await PageAsync(http, link!, token, queue, secrets, antiforgery, officeHours.Value, approval.Value, clock, StatusCodes.Status200OK,
            null, ct);
    }

    /// <summary>One waiting document's pages in place (the approval page's images, granted to this browser for its step's link).</summary>
    public static async Task<RazorComponentResult> GetViewAsync(string token, Guid stepId, HttpContext http, QueueStore queue, ApprovalPageAccess access,
        RouteBook routes, IOptions<OfficeHoursOptions> officeHours, TimeProvider clock, CancellationToken ct)
    {
        var (link, entry, gone) = await WaitingAsync(token, stepId, queue, http, clock, ct);
        if (gone is not null) return gone;
        access.Grant(http, entry!.Document.Id, entry.TokenSha256!, entry.Step.TokenExpiresAt);
        return PhonePage.Render<QueueDocumentPage>(http, StatusCodes.Status200OK, new Dictionary<string, object?>
        {
            ["T"] = QueueTexts.For(link!.Language), ["Item"] = new QueueItem { Entry = entry, Sender = ApprovalRoutes.Sender(routes, entry.Document) },
            ["Zone"] = officeHours.Value.Zone(), ["Back"] = $"{Prefix}/{token}#doc-{stepId}", ["Pdf"] = $"{Prefix}/{token}/document/{stepId}",
        });
    }

    public static async Task<Results<PhysicalFileHttpResult, RazorComponentResult>> GetDocumentAsync(string token, Guid stepId, HttpContext http,
        QueueStore queue, TimeProvider clock, CancellationToken ct)
    {
        var (_, entry, gone) = await WaitingAsync(token, stepId, queue, http, clock, ct);
        if (gone is not null) return gone;
        return ApprovalEndpoints.Original(http, entry!.Document);
    }

    public static async Task<RazorComponentResult> PostAsync(string token, HttpContext http, QueueStore queue, QueueDecisions decisions,
        SecretApproval secrets, IAntiforgery antiforgery, IOptions<OfficeHoursOptions> officeHours, IOptions<ApprovalOptions> approval, TimeProvider clock,
        CancellationToken ct)
    {
        var (link, gone) = await LinkAsync(token, queue, http, clock, ct);
        if (gone is not null) return gone;
        var q = QueueTexts.For(link!.Language);
        if (!await antiforgery.IsRequestValidAsync(http)) return Message(http, q, StatusCodes.Status400BadRequest, q.Page.BadForm);
        Task<RazorComponentResult> Refuse(int status, string why) =>
            PageAsync(http, link, token, queue, secrets, antiforgery, officeHours.Value, approval.Value, clock, status, why, ct);

        var form = await http.Request.ReadFormAsync(ct);
        var decision = form["decision"].ToString();
        var reason = form["reason"].ToString().Trim();
        var max = approval.Value.ReasonMaxLength;
        var ids = form["step"].Select(v => Guid.TryParse(v, out var g) ? g : (Guid?)null).ToList();
        var refusal =
            ids.Any(i => i is null) ? q.NotYours
            : ids.Count == 0 ? q.NoneSelected
            : ids.Count > QueueDecisions.MaxPerPost ? string.Format(q.TooMany, QueueDecisions.MaxPerPost)
            : form["confirm"] != "yes" || decision is not ("approve" or "reject") ? (decision == "reject" ? q.Page.NeedConfirm : q.NeedSelectedConfirm)
            : decision == "reject" && ids.Count != 1 ? q.NoneSelected
            : decision == "reject" && reason.Length == 0 ? q.Page.NeedReason
            : reason.Length > max ? string.Format(q.Page.ReasonTooLong, max)
            : null;
        if (refusal is not null) return await Refuse(StatusCodes.Status400BadRequest, refusal);
        var entries = await decisions.OwnAsync(link, [.. ids.Select(i => i!.Value)], ct);
        if (entries is null) return await Refuse(StatusCodes.Status400BadRequest, q.NotYours);

        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "";
        var userAgent = http.Request.Headers.UserAgent.ToString();
        if (userAgent.Length > 500) userAgent = userAgent[..500];
        var result = decision == "approve"
            ? await decisions.ApproveAsync(link, entries, form["passphrase"].ToString(), ip, userAgent, ct)
            : await decisions.RejectAsync(link, entries[0], reason, ip, userAgent, ct);
        if (result.Refusal is not null) return await Refuse(result.Status, result.Refusal);
        return PhonePage.Render<QueueResultPage>(http, result.Status, new Dictionary<string, object?>
        {
            ["Texts"] = q, ["Heading"] = q.ResultTitle, ["Outcomes"] = result.Outcomes, ["Back"] = $"{Prefix}/{token}",
        });
    }

    private static async Task<RazorComponentResult> PageAsync(HttpContext http, QueueLink link, string token, QueueStore queue, SecretApproval secrets,
        IAntiforgery antiforgery, OfficeHoursOptions officeHours, ApprovalOptions approval, TimeProvider clock, int status, string? error, CancellationToken ct)
    {
        var q = QueueTexts.For(link.Language);
        var waiting = await queue.WaitingAsync(link.ApproverEmail, clock.GetUtcNow(), ct);
        var items = new List<QueueItem>(waiting.Count);
        var access = http.RequestServices.GetRequiredService<ApprovalPageAccess>();
        var routes = http.RequestServices.GetRequiredService<RouteBook>();
        SecretTexts? secret = null;
        foreach (var e in waiting)
        {
            // The thumbnail is the approval page's first page image, granted to this browser as that page does.
            access.Grant(http, e.Document.Id, e.TokenSha256!, e.Step.TokenExpiresAt);
            var prompt = await secrets.PromptAsync(new TokenLookup { Step = e.Step, Document = e.Document }, q.Page, ct);
            var blocked = prompt?.Blocked ?? (prompt is { Signing.Totp: true } ? q.OwnPage : null);
            if (prompt is not null && blocked is null) secret ??= SecretTexts.For(q.Lang, prompt.Signing);
            items.Add(new QueueItem { Entry = e, Sender = ApprovalRoutes.Sender(routes, e.Document), Blocked = blocked });
        }
        var tokens = antiforgery.GetAndStoreTokens(http);
        var model = new QueuePageModel
        {
            Texts = q, Link = link, ApproverName = waiting.FirstOrDefault()?.Step.ApproverName ?? link.ApproverEmail, Items = items, Token = token,
            AntiforgeryField = tokens.FormFieldName, AntiforgeryToken = tokens.RequestToken ?? "", ReasonMaxLength = approval.ReasonMaxLength,
            Zone = officeHours.Zone(), Secret = secret, Error = error,
        };
        return PhonePage.Render<QueuePage>(http, status, new Dictionary<string, object?> { ["M"] = model });
    }

    // Only a document waiting in this approver's queue; anything else looks like a link that does not exist.
    private static async Task<(QueueLink?, QueueEntry?, RazorComponentResult?)> WaitingAsync(string token, Guid stepId, QueueStore queue, HttpContext http,
        TimeProvider clock, CancellationToken ct)
    {
        var (link, gone) = await LinkAsync(token, queue, http, clock, ct);
        if (gone is not null) return (null, null, gone);
        var waiting = await queue.WaitingAsync(link!.ApproverEmail, clock.GetUtcNow(), ct);
        if (waiting.FirstOrDefault(e => e.Step.Id == stepId) is { } entry) return (link, entry, null);
        var q = QueueTexts.For(link.Language);
        return (link, null, Message(http, q, StatusCodes.Status404NotFound, q.Page.Closed));
    }

    // The link, or the page saying why it opens nothing: 404 for an unknown token, 410 once expired.
    private static async Task<(QueueLink?, RazorComponentResult?)> LinkAsync(string token, QueueStore queue, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var link = ApprovalTokens.Hash(token) is { } hash ? await queue.FindAsync(hash, ct) : null;
        var texts = QueueTexts.For(link?.Language ?? ApprovalResponses.TextsFor(TokenLookup.Unknown, http).Lang);
        if (link is null) return (null, Message(http, texts, StatusCodes.Status404NotFound, texts.Page.Unknown));
        if (link.ExpiresAt <= clock.GetUtcNow()) return (null, Message(http, texts, StatusCodes.Status410Gone, texts.Page.Expired));
        return (link, null);
    }

    private static RazorComponentResult Message(HttpContext http, QueueTexts q, int status, string text) =>
        PhonePage.Render<QueueResultPage>(http, status, new Dictionary<string, object?>
        {
            ["Texts"] = q, ["Heading"] = status == StatusCodes.Status400BadRequest ? q.Title : q.Page.GoneTitle, ["Message"] = text,
        });
}
