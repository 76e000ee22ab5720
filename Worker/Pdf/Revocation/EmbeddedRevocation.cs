using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Revocation;

/// <summary>Looks for an answer about a certificate in the OCSP responses and CRLs the file or its CMS carries.</summary>
internal static class EmbeddedRevocation
{
    /// <summary>The first signed answer found (a "revoked" one wins), or null when none concerns the certificate.</summary>
    public static RevocationAnswer? Check(RevocationEvidence evidence, BcCertificate certificate, BcCertificate issuer, DateTimeOffset now,
        DateTimeOffset? trustedSigningTime)
    {
        var freshness = new Freshness { SignedAt = trustedSigningTime, WindowSuffices = certificate.GetBasicConstraints() >= 0 };
        var answers = evidence.OcspResponses
            .Select(r => OcspAnswer.Read(r, certificate, issuer, now, freshness, "embedded OCSP response"))
            .Concat(evidence.Crls.Select(c => CrlAnswer.Read(c, certificate, issuer, now, freshness, "embedded CRL")))
            .OfType<RevocationAnswer>()
            .ToList();
        return answers.FirstOrDefault(a => a.Status == RevocationStatus.Revoked) ?? answers.FirstOrDefault();
    }

    /// <summary>True when <paramref name="evidence"/> holds a signed answer about the certificate issued by <paramref name="now"/>, however old.</summary>
    public static bool Holds(RevocationEvidence evidence, BcCertificate certificate, BcCertificate issuer, DateTimeOffset now)
    {
        var any = new Freshness { AnyTime = true };
        return evidence.OcspResponses.Any(r => OcspAnswer.Read(r, certificate, issuer, now, any, "DSS") is not null)
               || evidence.Crls.Any(c => CrlAnswer.Read(c, certificate, issuer, now, any, "DSS") is not null);
    }
}
