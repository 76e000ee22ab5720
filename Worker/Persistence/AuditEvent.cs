namespace Worker.Persistence;

/// <summary>One thing that happened, as recorded in the audit trail.</summary>
public sealed record AuditEvent
{
    /// <summary>When it happened (UTC, microsecond precision as PostgreSQL stores it).</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>The document concerned, if any.</summary>
    public Guid? DocumentId { get; init; }
    /// <summary>Who did it: "worker", an approver's email, an operator's login.</summary>
    public required string Actor { get; init; }
    /// <summary>What happened, a short fixed word such as "received" or "approved".</summary>
    public required string Action { get; init; }
    /// <summary>Free text for a person: a reason, a file name, an error.</summary>
    public string Detail { get; init; } = "";
    /// <summary>Where it came from: a client address, a host name.</summary>
    public string Source { get; init; } = "";
}
