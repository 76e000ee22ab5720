using Worker.Persistence;

namespace Worker.Approval.Queue;

/// <summary>Everything the queue page shows.</summary>
public sealed record QueuePageModel
{
    /// <summary>The page's language.</summary>
    public required QueueTexts Texts { get; init; }
    /// <summary>The link: whose queue, until when.</summary>
    public required QueueLink Link { get; init; }
    /// <summary>The name the greeting uses (from the approver's steps, else the address).</summary>
    public required string ApproverName { get; init; }
    /// <summary>The waiting documents, oldest first.</summary>
    public required IReadOnlyList<QueueItem> Items { get; init; }
    /// <summary>The queue link's token, for the form and document addresses (relative, never logged).</summary>
    public required string Token { get; init; }
    /// <summary>Name of the antiforgery form field.</summary>
    public required string AntiforgeryField { get; init; }
    /// <summary>The antiforgery request token.</summary>
    public required string AntiforgeryToken { get; init; }
    /// <summary>Longest reason accepted.</summary>
    public required int ReasonMaxLength { get; init; }
    /// <summary>Zone the times are shown in.</summary>
    public required TimeZoneInfo Zone { get; init; }
    /// <summary>The secret field's texts when some document signs with the official's secret; null when none does.</summary>
    public SecretTexts? Secret { get; init; }
    /// <summary>Why the last post was refused, if it was; nothing was decided then.</summary>
    public string? Error { get; init; }
}
