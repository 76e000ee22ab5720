namespace Worker.Persistence;

/// <summary>What recording a decision did.</summary>
public sealed record DecisionResult
{
    /// <summary>The step after the decision, or the earlier decision when it was already made.</summary>
    public required ApprovalStep Step { get; init; }
    /// <summary>False when the step had been decided before (or is no longer open); nothing changed then.</summary>
    public required bool Recorded { get; init; }
    /// <summary>The last approval: the document is Approved and signing may start.</summary>
    public bool DocumentApproved { get; init; }
    /// <summary>A rejection: the document is Declined.</summary>
    public bool DocumentDeclined { get; init; }
    /// <summary>Emails to deliver now (the next approver's link, the submitter's notice).</summary>
    public IReadOnlyList<Guid> Outbox { get; init; } = [];
}
