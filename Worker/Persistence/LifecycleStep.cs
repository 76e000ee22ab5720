namespace Worker.Persistence;

/// <summary>One application of a <see cref="Transition"/> to a document: who, why, and what it leaves to do.</summary>
public sealed record LifecycleStep
{
    /// <summary>The document.</summary>
    public required Guid DocumentId { get; init; }
    /// <summary>The row of <see cref="Lifecycle"/>'s table applied.</summary>
    public required Transition Transition { get; init; }
    /// <summary>Who the audit event names (an approver's email, an operator, "worker").</summary>
    public required string Actor { get; init; }
    /// <summary>The audit event's detail.</summary>
    public string Detail { get; init; } = "";
    /// <summary>Where it came from (an address, a machine), for the audit event.</summary>
    public string Source { get; init; } = "";
    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>Written to the document's error when set (why it failed or was cancelled).</summary>
    public string? Error { get; init; }
    /// <summary>Outbox rows queued in the same transaction; one follow-up delivers them.</summary>
    public IReadOnlyList<Guid> Mail { get; init; } = [];
}
