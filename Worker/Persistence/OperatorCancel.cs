namespace Worker.Persistence;

/// <summary>What an operator's cancellation found and did.</summary>
public sealed record OperatorCancel
{
    /// <summary>The document's state before the cancellation.</summary>
    public required DocumentState StateBefore { get; init; }
    /// <summary>True when the document is now Declined by this cancellation.</summary>
    public required bool Cancelled { get; init; }
    /// <summary>The submitter's notice to deliver, if anybody is to be told.</summary>
    public IReadOnlyList<Guid> Outbox { get; init; } = [];
}
