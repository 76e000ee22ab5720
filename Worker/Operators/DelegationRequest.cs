namespace Worker.Operators;

/// <summary>A delegation as an operator types it on the dashboard form or the command line, still unchecked.</summary>
public sealed record DelegationRequest
{
    /// <summary>The absent official's email.</summary>
    public required string Approver { get; init; }
    /// <summary>The deputy's email.</summary>
    public required string DeputyEmail { get; init; }
    /// <summary>The deputy's name.</summary>
    public required string DeputyName { get; init; }
    /// <summary>The deputy's own position.</summary>
    public string DeputyPosition { get; init; } = "";
    /// <summary>The deputy's signer profile under Worker:Signers.</summary>
    public required string DeputySigner { get; init; }
    /// <summary>The deputy's NIP, optional.</summary>
    public string Nip { get; init; } = "";
    /// <summary>The deputy's pangkat/golongan, optional.</summary>
    public string Rank { get; init; } = "";
    /// <summary>Plh, Plt or an.</summary>
    public required string Kind { get; init; }
    /// <summary>First day, yyyy-MM-dd (office time zone).</summary>
    public required string From { get; init; }
    /// <summary>Last day, yyyy-MM-dd (office time zone), included.</summary>
    public required string To { get; init; }
}
