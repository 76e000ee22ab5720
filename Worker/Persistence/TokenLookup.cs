namespace Worker.Persistence;

/// <summary>What a link token leads to.</summary>
public sealed record TokenLookup
{
    /// <summary>No step has this token, now or before.</summary>
    public static readonly TokenLookup Unknown = new();

    /// <summary>The token was replaced by a newer link (reminder or resend).</summary>
    public bool Retired { get; init; }
    /// <summary>The step the token belongs to, if any.</summary>
    public ApprovalStep? Step { get; init; }
    /// <summary>The step's document, if any.</summary>
    public DocumentRecord? Document { get; init; }
}
