namespace Worker.Persistence;

/// <summary>What the public verification page shows about a document (a view of its <see cref="DocumentRecord"/>): no emails, addresses or paths.</summary>
public sealed record VerificationRecord
{
    /// <summary>The document id (from the QR code).</summary>
    public required Guid Id { get; init; }
    /// <summary>Its title.</summary>
    public required string Title { get; init; }
    /// <summary>Its number, if known.</summary>
    public string? Number { get; init; }
    /// <summary>Its state.</summary>
    public required DocumentState State { get; init; }
    /// <summary>SHA-256 of the archived signed file, once filed.</summary>
    public string? SignedSha256 { get; init; }
    /// <summary>When it was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>When it was filed.</summary>
    public DateTimeOffset? FiledAt { get; init; }
    /// <summary>Approvers in order: name, position, state, decided and signed times.</summary>
    public required IReadOnlyList<(string Name, string Position, string State, DateTimeOffset? DecidedAt, DateTimeOffset? SignedAt)> Approvers { get; init; }
}
