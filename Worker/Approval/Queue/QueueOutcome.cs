using Worker.Persistence;

namespace Worker.Approval.Queue;

/// <summary>What a queue post did with one ticked document.</summary>
public sealed record QueueOutcome
{
    /// <summary>The document as it was before the post.</summary>
    public required DocumentRecord Document { get; init; }
    /// <summary>True when this post recorded the decision (and its audit event).</summary>
    public required bool Decided { get; init; }
    /// <summary>One line for the official: the decision, or why nothing changed.</summary>
    public required string Text { get; init; }
}
