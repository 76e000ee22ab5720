using Worker.Persistence;

namespace Worker.Approval.Queue;

/// <summary>One row of the queue page.</summary>
public sealed record QueueItem
{
    /// <summary>The approver's waiting step and its document.</summary>
    public required QueueEntry Entry { get; init; }
    /// <summary>The sender as the approval page names it.</summary>
    public required string Sender { get; init; }
    /// <summary>Why it cannot be approved now (others sign first, certificate not ISSUE); it can still be rejected.</summary>
    public string? Blocked { get; init; }
}
