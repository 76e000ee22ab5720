namespace Worker.Persistence;

/// <summary>A queue link as stored: whose queue it opens and until when (the token itself is never stored).</summary>
public sealed record QueueLink
{
    /// <summary>The approver whose waiting documents the link shows and decides; nobody else's.</summary>
    public required string ApproverEmail { get; init; }
    /// <summary>id or en: the language of the queue page.</summary>
    public required string Language { get; init; }
    /// <summary>After this the link opens nothing.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
