namespace Worker.Notifications;

/// <summary>What an absent official is told about a request that went to their deputy.</summary>
public sealed record DelegatedCopyMail
{
    /// <summary>Document title.</summary>
    public required string Title { get; init; }
    /// <summary>Letter number, if known.</summary>
    public string? Number { get; init; }
    /// <summary>The file name as dropped.</summary>
    public required string SourceName { get; init; }
    /// <summary>The deputy's name.</summary>
    public required string DeputyName { get; init; }
    /// <summary>The position the deputy signs under, with its prefix ("Plh. Kepala Dinas").</summary>
    public required string DeputyPosition { get; init; }
    /// <summary>The deputy's email.</summary>
    public required string DeputyEmail { get; init; }
    /// <summary>When the deputy's authority for this request ends.</summary>
    public required DateTimeOffset Until { get; init; }
    /// <summary>Who to call about an unexpected request.</summary>
    public required string Contact { get; init; }
    /// <summary>Zone the times are shown in.</summary>
    public required TimeZoneInfo TimeZone { get; init; }
}
