namespace Worker.Persistence;

/// <summary>A step waiting for an approver, for the "Awaiting approval" page.</summary>
public sealed record PendingApproval
{
    /// <summary>The waiting step, for resending its link.</summary>
    public required Guid StepId { get; init; }
    /// <summary>The document waiting.</summary>
    public required Guid DocumentId { get; init; }
    /// <summary>Its title.</summary>
    public required string Title { get; init; }
    /// <summary>Its route.</summary>
    public required string Route { get; init; }
    /// <summary>Who must answer.</summary>
    public required string Approver { get; init; }
    /// <summary>When the link was sent (null: not asked yet).</summary>
    public DateTimeOffset? AskedAt { get; init; }
    /// <summary>When the link stops working.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>Reminders sent so far.</summary>
    public required int RemindersSent { get; init; }
    /// <summary>NotSent, Sent or Failed.</summary>
    public required string EmailState { get; init; }
    /// <summary>The last delivery error, if any.</summary>
    public string? EmailError { get; init; }
}
