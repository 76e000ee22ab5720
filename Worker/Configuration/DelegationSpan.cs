namespace Worker.Configuration;

/// <summary>A delegation reduced to what the conflict rules compare, from configuration or from the delegations table.</summary>
public sealed record DelegationSpan
{
    /// <summary>The official's email.</summary>
    public required string Approver { get; init; }
    /// <summary>The deputy's email.</summary>
    public required string Deputy { get; init; }
    /// <summary>First instant of the window.</summary>
    public required DateTimeOffset Start { get; init; }
    /// <summary>First instant after the window.</summary>
    public required DateTimeOffset End { get; init; }
    /// <summary>How a message names it: a configuration key or a delegation id.</summary>
    public required string Label { get; init; }
}
