namespace Worker.Notifications;

/// <summary>What an approval request (or its reminder) says.</summary>
public sealed record ApprovalRequestMail
{
    /// <summary>id or en.</summary>
    public required string Language { get; init; }
    /// <summary>Who is asked.</summary>
    public required string ApproverName { get; init; }
    /// <summary>Document title.</summary>
    public required string Title { get; init; }
    /// <summary>Letter number, if known.</summary>
    public string? Number { get; init; }
    /// <summary>Who submitted it, if known.</summary>
    public string? Submitter { get; init; }
    /// <summary>Page count, if known.</summary>
    public int? PageCount { get; init; }
    /// <summary>Size of the PDF in bytes.</summary>
    public required long SizeBytes { get; init; }
    /// <summary>When the worker received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>SHA-256 of the PDF, hex.</summary>
    public required string Sha256 { get; init; }
    /// <summary>The approval link.</summary>
    public required string Link { get; init; }
    /// <summary>The approver's queue ("Semua dokumen yang menunggu Anda"), when one was issued with this email.</summary>
    public string? QueueLink { get; init; }
    /// <summary>When the link stops working.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>Who to call when the request is unexpected.</summary>
    public required string Contact { get; init; }
    /// <summary>0 for the first request, else which reminder this is.</summary>
    public int Reminder { get; init; }
    /// <summary>Zone the times are shown in (office hours' zone).</summary>
    public required TimeZoneInfo TimeZone { get; init; }
}
