namespace Worker.Persistence;

/// <summary>What an operator's retry found and did.</summary>
public sealed record OperatorRetry
{
    /// <summary>The document's state when the retry looked at it.</summary>
    public required string State { get; init; }
    /// <summary>Approval steps of the document.</summary>
    public required int Steps { get; init; }
    /// <summary>Of those, how many are approved.</summary>
    public required int Approved { get; init; }
    /// <summary>What was enqueued again: <see cref="RetriedSigning"/>, <see cref="RetriedHandOff"/>, or null when nothing was.</summary>
    public string? Retried { get; init; }
    /// <summary>The Hangfire job enqueued, when one was.</summary>
    public string? JobId { get; init; }

    /// <summary>A Failed document went back to Approved and its sign-and-file job was enqueued.</summary>
    public const string RetriedSigning = "signing";
    /// <summary>A Received document's hand-off to approval was enqueued again.</summary>
    public const string RetriedHandOff = "approval hand-off";
}
