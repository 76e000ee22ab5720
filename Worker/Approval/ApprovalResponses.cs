using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Worker.Configuration;
using Worker.Notifications;
using Worker.Persistence;
using Worker.Web;

namespace Worker.Approval;

/// <summary>The HTML responses of the approval endpoints.</summary>
public static class ApprovalResponses
{
    /// <summary>A page with a heading and one sentence.</summary>
    public static RazorComponentResult Message(HttpContext http, int status, ApprovalTexts t, string heading, string text) =>
        PhonePage.Render<ApprovalMessagePage>(http, status, new Dictionary<string, object?>
        {
            [nameof(ApprovalMessagePage.Texts)] = t, [nameof(ApprovalMessagePage.Heading)] = heading, [nameof(ApprovalMessagePage.Text)] = text,
        });

    /// <summary>The decision form, with a new antiforgery token; <paramref name="error"/> explains a refused post.</summary>
    public static RazorComponentResult DecisionPage(HttpContext http, IAntiforgery antiforgery, TokenLookup lookup, string token, ApprovalTexts texts,
        OfficeHoursOptions officeHours, ApprovalOptions approval, int status, string? error = null, string? reason = null, SecretPrompt? secret = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var document = lookup.Document!;
        // Resolved here rather than passed by every caller (the endpoints and SecretApproval): the same grant on every rendering.
        http.RequestServices.GetRequiredService<ApprovalPageAccess>().Grant(http, document.Id, ApprovalTokens.Hash(token)!, lookup.Step!.TokenExpiresAt);
        var model = new ApprovalPageModel
        {
            Texts = texts, Step = lookup.Step!, Document = document, Zone = officeHours.Zone(), Token = token,
            Sender = ApprovalRoutes.Sender(http.RequestServices.GetRequiredService<RouteBook>(), document),
            Note = string.IsNullOrWhiteSpace(document.Note) ? null : document.Note,
            AntiforgeryField = tokens.FormFieldName, AntiforgeryToken = tokens.RequestToken ?? "",
            ReasonMaxLength = approval.ReasonMaxLength, Error = error, Reason = reason, Secret = secret,
        };
        return PhonePage.Render<ApprovalPage>(http, status, new Dictionary<string, object?> { [nameof(ApprovalPage.Model)] = model });
    }

    /// <summary>A link that cannot be used: 404 when unknown, else 410; it tells what happened and nothing about the document.</summary>
    public static RazorComponentResult NotUsable(HttpContext http, LinkStatus status, TokenLookup lookup, ApprovalTexts t, OfficeHoursOptions officeHours)
    {
        var text = status switch
        {
            LinkStatus.Retired => t.Retired,
            LinkStatus.Expired => t.Expired,
            LinkStatus.Closed => t.Closed,
            LinkStatus.Decided when lookup.Step is { } s => string.Format(t.EarlierDecision,
                s.State == StepState.Approved ? t.ApprovedWord : t.RejectedWord,
                s.DecidedAt is { } at ? LocalTime.Format(at, officeHours.Zone(), t.Lang) : "—"),
            _ => t.Unknown,
        };
        return Message(http, status == LinkStatus.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone, t, t.GoneTitle, text);
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
