namespace Worker.Pdf.Revocation;

/// <summary>OCSP responses and CRLs carried in the file (the DSS) or in the CMS, in their DER encoding.</summary>
public sealed record RevocationEvidence
{
    /// <summary>DER OCSPResponse structures.</summary>
    public IReadOnlyList<byte[]> OcspResponses { get; init; } = [];

    /// <summary>DER CertificateList structures.</summary>
    public IReadOnlyList<byte[]> Crls { get; init; } = [];

    public static RevocationEvidence None { get; } = new();

    public RevocationEvidence With(RevocationEvidence other) => new()
    {
        OcspResponses = [.. OcspResponses, .. other.OcspResponses],
        Crls = [.. Crls, .. other.Crls],
    };
}
