using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Worker.Configuration;
using Worker.Notifications;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>The HTML responses of the approval endpoints.</summary>
public static class ApprovalResponses
{
    /// <summary>An HTML page with a fresh CSP nonce for its inline style.</summary>
    public static ContentHttpResult Html(HttpContext http, int status, Func<string, string> render)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ForPage(nonce);
        return TypedResults.Content(render(nonce), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The decision form, with a new antiforgery token; <paramref name="error"/> explains a refused post.</summary>
    public static ContentHttpResult DecisionPage(HttpContext http, IAntiforgery antiforgery, TokenLookup lookup, string token, ApprovalTexts texts,
        WorkerOptions options, int status, string? error = null, string? reason = null, SecretPrompt? secret = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var model = new ApprovalPageModel
        {
            Texts = texts, Step = lookup.Step!, Document = lookup.Document!, Zone = ApprovalRoutes.Zone(options), Token = token,
            AntiforgeryField = tokens.FormFieldName, AntiforgeryToken = tokens.RequestToken ?? "",
            ReasonMaxLength = options.Approval.ReasonMaxLength, Error = error, Reason = reason, Secret = secret,
        };
        return Html(http, status, nonce => ApprovalPage.Decision(model, nonce));
    }

    /// <summary>A link that cannot be used: 404 when unknown, else 410; it tells what happened and nothing about the document.</summary>
    public static ContentHttpResult NotUsable(HttpContext http, LinkStatus status, TokenLookup lookup, ApprovalTexts t, WorkerOptions options)
    {
        var text = status switch
        {
            LinkStatus.Retired => t.Retired,
            LinkStatus.Expired => t.Expired,
            LinkStatus.Closed => t.Closed,
            LinkStatus.Decided when lookup.Step is { } s => string.Format(t.EarlierDecision,
                s.State == StepState.Approved ? t.ApprovedWord : t.RejectedWord,
                s.DecidedAt is { } at ? LocalTime.Format(at, ApprovalRoutes.Zone(options), t.Lang) : "—"),
            _ => t.Unknown,
        };
        return Html(http, status == LinkStatus.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone,
            nonce => ApprovalPage.Message(t, t.GoneTitle, text, nonce));
    }

    /// <summary>The approver's language, else the browser's (id or en), else Indonesian.</summary>
    public static ApprovalTexts TextsFor(TokenLookup lookup, HttpContext http)
    {
        if (lookup.Step is { } step) return ApprovalTexts.For(step.Language);
        foreach (var l in http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = l.Value.ToString();
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return ApprovalTexts.En;
            if (tag.StartsWith("id", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("in", StringComparison.OrdinalIgnoreCase))
                return ApprovalTexts.Id;
        }
        return ApprovalTexts.Id;
    }
}
