namespace Worker.Persistence;

/// <summary>On whose behalf a step's approver decides, as recorded when the step was asked during a delegation.</summary>
public sealed record StepDelegation
{
    /// <summary>The official's email.</summary>
    public required string OnBehalfEmail { get; init; }
    /// <summary>The official's name.</summary>
    public required string OnBehalfName { get; init; }
    /// <summary>The official's position.</summary>
    public required string OnBehalfPosition { get; init; }
    /// <summary>Plh, Plt or an.</summary>
    public required string Kind { get; init; }
    /// <summary>When the deputy's authority for this step ends.</summary>
    public required DateTimeOffset EndsAt { get; init; }
}
