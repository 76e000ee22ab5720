namespace Worker.Persistence;

/// <summary>An approver who approved, in the order of the route.</summary>
public sealed record SigningStep
{
    /// <summary>The step id.</summary>
    public required Guid Id { get; init; }
    /// <summary>Position in the route, from 0.</summary>
    public required int Position { get; init; }
    /// <summary>The approver's name, shown on the stamp and in the reason.</summary>
    public required string Name { get; init; }
    /// <summary>The approver's position (jabatan).</summary>
    public required string JobTitle { get; init; }
    /// <summary>The approver's email, for the audit trail.</summary>
    public required string Email { get; init; }
    /// <summary>Name of the signer profile under Worker:Signers.</summary>
    public required string Signer { get; init; }
}
