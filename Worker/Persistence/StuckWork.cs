namespace Worker.Persistence;

/// <summary>Work a document's state (or an unsent email) implies, with the job that last carried it, for the sweep to judge.</summary>
public sealed record StuckWork
{
    /// <summary>The document.</summary>
    public required Guid DocumentId { get; init; }
    /// <summary>Its state when listed.</summary>
    public required DocumentState State { get; init; }
    /// <summary>The work: signing, the declined copy, or delivering <see cref="Mail"/>.</summary>
    public required FollowUp Kind { get; init; }
    /// <summary>The Hangfire job of the latest follow-up for it; null when none was ever relayed.</summary>
    public string? JobId { get; init; }
    /// <summary>For <see cref="FollowUp.DeliverMail"/>: the unsent outbox row.</summary>
    public Guid[] Mail { get; init; } = [];
}
