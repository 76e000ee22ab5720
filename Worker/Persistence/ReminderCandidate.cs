namespace Worker.Persistence;

/// <summary>A waiting step whose link was delivered, with its route so the route's reminder rules can be applied.</summary>
public sealed record ReminderCandidate
{
    /// <summary>The waiting step.</summary>
    public required ApprovalStep Step { get; init; }
    /// <summary>The route of its document.</summary>
    public required string Route { get; init; }
}
