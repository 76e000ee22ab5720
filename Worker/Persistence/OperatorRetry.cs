namespace Worker.Persistence;

/// <summary>What an operator's retry found and did.</summary>
public sealed record OperatorRetry
{
    /// <summary>The document's state when the retry looked at it.</summary>
    public required DocumentState State { get; init; }
    /// <summary>Approval steps of the document.</summary>
    public required int Steps { get; init; }
    /// <summary>Of those, how many are approved.</summary>
    public required int Approved { get; init; }
    /// <summary>Whether a declined or expired document's original is already in declined/.</summary>
    public bool HasDeclinedCopy { get; init; }
    /// <summary>What was queued again (one of the constants below), or null when nothing was.</summary>
    public string? Retried { get; init; }
    /// <summary>Unsent emails of the document queued again with it.</summary>
    public int UnsentMail { get; init; }

    /// <summary>The document (Failed with every step approved, or stuck in Approved) is signed and filed again.</summary>
    public const string RetriedSigning = "signing";
    /// <summary>A Received document's hand-off to approval was queued again.</summary>
    public const string RetriedHandOff = "approval hand-off";
    /// <summary>A declined or expired document's copy to declined/ was queued again.</summary>
    public const string RetriedDeclinedCopy = "copy to declined/";
    /// <summary>Only the document's unsent emails were queued again.</summary>
    public const string RetriedMail = "email delivery";
}
