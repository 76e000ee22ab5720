namespace Worker.Persistence;

/// <summary>One of an approver's steps as the queue sees it, with the hash of the step's current link (the decision's key).</summary>
public sealed record QueueEntry
{
    /// <summary>The approver's step.</summary>
    public required ApprovalStep Step { get; init; }
    /// <summary>The step's document.</summary>
    public required DocumentRecord Document { get; init; }
    /// <summary>SHA-256 of the step's current approval-link token; null before its email was sent.</summary>
    public byte[]? TokenSha256 { get; init; }
}
