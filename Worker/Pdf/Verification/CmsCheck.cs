namespace Worker.Pdf.Verification;

/// <summary>The CMS part of a signature's verdict.</summary>
internal sealed record CmsCheck
{
    public string? SignerName { get; init; }
    public System.Security.Cryptography.X509Certificates.X509Certificate2? SignerCertificate { get; init; }
    public DateTimeOffset? TimestampTime { get; init; }
    public bool DigestMatches { get; init; }
    public bool SignatureValueValid { get; init; }
    public bool CertificateValidAtSigningTime { get; init; }
    public bool? ChainTrusted { get; init; }
    public bool? TimestampValid { get; init; }
    public required IReadOnlyList<string> Problems { get; init; }
}
