namespace Worker.Persistence;

/// <summary>An approver's answer, as posted from the approval page.</summary>
public sealed record Decision
{
    /// <summary>SHA-256 of the link token.</summary>
    public required byte[] TokenSha256 { get; init; }
    /// <summary>True to approve, false to reject.</summary>
    public required bool Approve { get; init; }
    /// <summary>Why it was rejected; required then.</summary>
    public string? Reason { get; init; }
    /// <summary>Client address of the request.</summary>
    public required string Ip { get; init; }
    /// <summary>User-Agent of the request.</summary>
    public required string UserAgent { get; init; }
    /// <summary>When it was posted.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>Expiry of the link of a step asked because of this approval (sequential routes).</summary>
    public required TimeSpan NextExpiry { get; init; }
    /// <summary>Who to tell when the document is declined.</summary>
    public required string NotifyOnDecline { get; init; }
}
