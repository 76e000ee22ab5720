namespace Worker.Operators;

/// <summary>Who takes an operator action, as the audit trail records it.</summary>
public sealed record OperatorIdentity
{
    /// <summary>The dashboard login, or the name given with --as (else the OS user) on the command line.</summary>
    public required string Name { get; init; }
    /// <summary>Where it came from: the client address, or "cli@HOST".</summary>
    public required string Source { get; init; }
}
