using Worker.Persistence;

namespace Worker.Approval;

/// <summary>Everything the decision page shows.</summary>
public sealed record ApprovalPageModel
{
    /// <summary>The page's language.</summary>
    public required ApprovalTexts Texts { get; init; }
    /// <summary>The approver's step.</summary>
    public required ApprovalStep Step { get; init; }
    /// <summary>The document to decide on.</summary>
    public required DocumentRecord Document { get; init; }
    /// <summary>Who sent it: the submitter, else the route's unit, else a dash.</summary>
    public required string Sender { get; init; }
    /// <summary>The clerk's note, when there is one.</summary>
    public string? Note { get; init; }
    /// <summary>Zone the times are shown in.</summary>
    public required TimeZoneInfo Zone { get; init; }
    /// <summary>The link token, for the form and PDF addresses (relative, never logged).</summary>
    public required string Token { get; init; }
    /// <summary>Name of the antiforgery form field.</summary>
    public required string AntiforgeryField { get; init; }
    /// <summary>The antiforgery request token.</summary>
    public required string AntiforgeryToken { get; init; }
    /// <summary>Longest reason accepted.</summary>
    public required int ReasonMaxLength { get; init; }
    /// <summary>Approving signs with the official's own secret: what the page asks for; null when it does not.</summary>
    public SecretPrompt? Secret { get; init; }
    /// <summary>Why the last post was refused, if it was.</summary>
    public string? Error { get; init; }
    /// <summary>The reason typed before a refused post, kept so nothing is lost.</summary>
    public string? Reason { get; init; }
}
