namespace Worker.Pdf.Ltv;

/// <summary>One /VRI entry: a signature and the DSS items (by index into <see cref="DssContent"/>) that validate it.</summary>
public sealed record DssSignatureEntry
{
    /// <summary>Upper-case hex SHA-1 of the signature's /Contents bytes (the CMS), as ETSI EN 319 142-1 names VRI keys.</summary>
    public required string Key { get; init; }

    /// <summary>Indexes into <see cref="DssContent.Certificates"/>.</summary>
    public IReadOnlyList<int> Certificates { get; init; } = [];

    /// <summary>Indexes into <see cref="DssContent.OcspResponses"/>.</summary>
    public IReadOnlyList<int> OcspResponses { get; init; } = [];

    /// <summary>Indexes into <see cref="DssContent.Crls"/>.</summary>
    public IReadOnlyList<int> Crls { get; init; } = [];
}
