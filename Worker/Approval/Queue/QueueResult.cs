namespace Worker.Approval.Queue;

/// <summary>The answer to a queue post: a refusal of the whole post (nothing decided), or one outcome per ticked document.</summary>
public sealed record QueueResult
{
    /// <summary>Why nothing was decided (wrong passphrase, nothing ticked, a document not in the queue); null when outcomes follow.</summary>
    public string? Refusal { get; init; }
    /// <summary>HTTP status of the answer.</summary>
    public required int Status { get; init; }
    /// <summary>Per ticked document, in the queue's order.</summary>
    public IReadOnlyList<QueueOutcome> Outcomes { get; init; } = [];

    /// <summary>A refusal of the whole post.</summary>
    public static QueueResult Refused(int status, string why) => new() { Status = status, Refusal = why };
}
