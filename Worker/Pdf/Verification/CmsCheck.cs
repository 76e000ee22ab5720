using Worker.Pdf.Revocation;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Verification;

/// <summary>The CMS part of a signature's verdict.</summary>
internal sealed record CmsCheck
{
    /// <summary>The signer certificate's common name.</summary>
    public string? SignerName { get; init; }

    /// <summary>The signer certificate itself.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? SignerCertificate { get; init; }

    /// <summary>The time a valid timestamp vouches for.</summary>
    public DateTimeOffset? TimestampTime { get; init; }

    /// <summary>The CMS message digest equals the digest of the signed ranges.</summary>
    public bool DigestMatches { get; init; }

    /// <summary>The signature over the signed attributes verifies.</summary>
    public bool SignatureValueValid { get; init; }

    /// <summary>The signer certificate was within its validity at the signing time used.</summary>
    public bool CertificateValidAtSigningTime { get; init; }

    /// <summary>Chains to a trust anchor; null when none were given.</summary>
    public bool? ChainTrusted { get; init; }

    /// <summary>The timestamp token checks out; null without one.</summary>
    public bool? TimestampValid { get; init; }

    /// <summary>The TSA chains to a trust anchor; null without anchors or a valid timestamp.</summary>
    public bool? TimestampTrusted { get; init; }

    /// <summary>The TSA of the valid signature timestamp; null without one.</summary>
    public TimestampAuthority? SignatureTimestamp { get; init; }

    /// <summary>Signer first, root last, when the chain to an anchor was built; empty otherwise.</summary>
    public IReadOnlyList<BcCertificate> Chain { get; init; } = [];

    /// <summary>Revocation data the CMS carries.</summary>
    public RevocationEvidence Evidence { get; init; } = RevocationEvidence.None;

    /// <summary>Failed checks.</summary>
    public required IReadOnlyList<string> Problems { get; init; }
}
