namespace Worker.Persistence;

/// <summary>The delegations of <c>Worker:Delegations</c>, handed to the stores that route steps; empty when none are configured.</summary>
public sealed class ConfiguredDelegations(IReadOnlyList<Delegation> all)
{
    /// <summary>None: only the table's delegations route.</summary>
    public static readonly ConfiguredDelegations None = new([]);

    /// <summary>Every configured delegation.</summary>
    public IReadOnlyList<Delegation> All { get; } = all;
}
