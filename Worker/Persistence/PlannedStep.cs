namespace Worker.Persistence;

/// <summary>An approver of the route, to become a step.</summary>
public sealed record PlannedStep
{
    /// <summary>Where the link goes.</summary>
    public required string Email { get; init; }
    /// <summary>The approver's name.</summary>
    public required string Name { get; init; }
    /// <summary>The approver's position (jabatan).</summary>
    public required string Position { get; init; }
    /// <summary>id or en.</summary>
    public required string Language { get; init; }
    /// <summary>Name of the signer profile used if this approver signs.</summary>
    public required string Signer { get; init; }
}
