namespace Worker.Persistence;

/// <summary>What starting the approval of a document did.</summary>
public sealed record StartResult
{
    /// <summary>Whether steps were created now, earlier, or not at all.</summary>
    public required StartOutcome Outcome { get; init; }
    /// <summary>The document's state as found (or as left).</summary>
    public DocumentState? State { get; init; }
    /// <summary>Emails to deliver now.</summary>
    public IReadOnlyList<Guid> Outbox { get; init; } = [];
}
