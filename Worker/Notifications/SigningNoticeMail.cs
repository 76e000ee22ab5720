namespace Worker.Notifications;

/// <summary>What the submitter is told when signing ends: filed, or failed.</summary>
public sealed record SigningNoticeMail
{
    /// <summary>True for "filed", false for "failed".</summary>
    public required bool Filed { get; init; }
    /// <summary>The document's title.</summary>
    public required string Title { get; init; }
    /// <summary>Its number, if the sidecar gave one.</summary>
    public string? Number { get; init; }
    /// <summary>The dropped file's name.</summary>
    public required string SourceName { get; init; }
    /// <summary>Who signed, "Name (Position)", in order.</summary>
    public required IReadOnlyList<string> Signers { get; init; }
    /// <summary>The verification page behind the QR code.</summary>
    public required string VerifyUrl { get; init; }
    /// <summary>Why signing failed (failed notices only).</summary>
    public string? Error { get; init; }
    /// <summary>True when operators were mailed about the failure (Mail:Operators is set); only then does the notice say so.</summary>
    public bool OperatorsTold { get; init; }
    /// <summary>When it was filed or failed.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>WITA.</summary>
    public required TimeZoneInfo TimeZone { get; init; }
    /// <summary>The signed file to attach, or null when too big or failed.</summary>
    public string? Attachment { get; init; }
}
