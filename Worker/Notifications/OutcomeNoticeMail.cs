namespace Worker.Notifications;

/// <summary>What the submitter is told when a document is declined, expires or is cancelled by an operator.</summary>
public sealed record OutcomeNoticeMail
{
    /// <summary>True when nobody answered in time; false when an approver rejected it.</summary>
    public required bool Expired { get; init; }
    /// <summary>True when an operator cancelled it; <see cref="ApproverName"/> then names the operator role, not a person.</summary>
    public bool Cancelled { get; init; }
    /// <summary>Document title.</summary>
    public required string Title { get; init; }
    /// <summary>Letter number, if known.</summary>
    public string? Number { get; init; }
    /// <summary>The file name as dropped.</summary>
    public required string SourceName { get; init; }
    /// <summary>The approver who rejected it, or who did not answer.</summary>
    public required string ApproverName { get; init; }
    /// <summary>That approver's position.</summary>
    public required string ApproverPosition { get; init; }
    /// <summary>The approver's reason, or "kedaluwarsa / expired".</summary>
    public required string Reason { get; init; }
    /// <summary>When it was decided or expired.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>Zone the times are shown in.</summary>
    public required TimeZoneInfo TimeZone { get; init; }
}
