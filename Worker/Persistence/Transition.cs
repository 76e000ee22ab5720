namespace Worker.Persistence;

/// <summary>One allowed change of a document's state: a row of <see cref="Lifecycle"/>'s table.</summary>
public sealed record Transition
{
    /// <summary>A short name for logs, errors and tests.</summary>
    public required string Name { get; init; }
    /// <summary>States the document must be in; empty for a document being recorded.</summary>
    public required IReadOnlyList<DocumentState> From { get; init; }
    /// <summary>The state it is in afterwards (one of <see cref="From"/> for a step that only re-creates its work).</summary>
    public required DocumentState To { get; init; }
    /// <summary>The audit action appended with it.</summary>
    public required string AuditAction { get; init; }
    /// <summary>The work committed with it; mail is added per step, as the outbox rows it queued.</summary>
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];
    /// <summary>Only an operator makes it: a state left only by such changes is ended (nothing happens to it by itself).</summary>
    public bool ByOperator { get; init; }
    /// <summary>The document's error is cleared (a filed document has none left).</summary>
    public bool ClearsError { get; init; }
}
