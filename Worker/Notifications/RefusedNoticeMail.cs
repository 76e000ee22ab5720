namespace Worker.Notifications;

/// <summary>What whoever dropped a file is told when intake refuses it.</summary>
public sealed record RefusedNoticeMail
{
    /// <summary>The file name as dropped.</summary>
    public required string SourceName { get; init; }
    /// <summary>The route (folder) it was dropped in.</summary>
    public required string Route { get; init; }
    /// <summary>True when it was the same file as an earlier document rather than a bad one.</summary>
    public required bool Duplicate { get; init; }
    /// <summary>Why, in Indonesian, in plain words.</summary>
    public required string ReasonId { get; init; }
    /// <summary>Why, in English.</summary>
    public required string ReasonEn { get; init; }
    /// <summary>When it was received.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>Zone the time is shown in.</summary>
    public required TimeZoneInfo TimeZone { get; init; }
}
