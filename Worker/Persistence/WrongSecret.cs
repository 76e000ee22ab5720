namespace Worker.Persistence;

/// <summary>One wrong passphrase or code typed on an approval link, as counted and audited (never what was typed).</summary>
public sealed record WrongSecret
{
    /// <summary>The document the link belongs to.</summary>
    public required Guid DocumentId { get; init; }
    /// <summary>The link's step.</summary>
    public required Guid StepId { get; init; }
    /// <summary>The step's position in the route, from 1.</summary>
    public required int Position { get; init; }
    /// <summary>The approver's email.</summary>
    public required string Actor { get; init; }
    /// <summary>The client address the try came from.</summary>
    public required string Source { get; init; }
    /// <summary>When it was typed.</summary>
    public required DateTimeOffset At { get; init; }
}
