namespace Worker.Pdf.Ltv;

/// <summary>What a Document Security Store update adds: DER certificates, OCSP responses and CRLs, and per signature which of them validate it.</summary>
public sealed record DssContent
{
    /// <summary>DER X.509 certificates.</summary>
    public IReadOnlyList<byte[]> Certificates { get; init; } = [];

    /// <summary>DER OCSPResponse structures.</summary>
    public IReadOnlyList<byte[]> OcspResponses { get; init; } = [];

    /// <summary>DER CertificateList structures.</summary>
    public IReadOnlyList<byte[]> Crls { get; init; } = [];

    /// <summary>Per signature: the SHA-1 of its /Contents bytes (upper-case hex, the /VRI key) and the indexes it uses.</summary>
    public IReadOnlyList<DssSignatureEntry> Signatures { get; init; } = [];
}
