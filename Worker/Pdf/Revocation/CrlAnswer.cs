using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Revocation;

/// <summary>Reads a CRL about one certificate, trusting it only when the certificate's issuer signed it.</summary>
internal static class CrlAnswer
{
    private static readonly TimeSpan Skew = Freshness.Skew;

    /// <summary>The answer, or null when the CRL is not a list signed by this issuer that <paramref name="freshness"/> accepts.</summary>
    public static RevocationAnswer? Read(byte[] data, BcCertificate certificate, BcCertificate issuer, DateTimeOffset now,
        Freshness freshness, string source)
    {
        X509Crl crl;
        try
        {
            crl = new X509CrlParser().ReadCrl(data);
            if (crl is null || !crl.IssuerDN.Equivalent(issuer.SubjectDN)) return null;
            crl.Verify(issuer.GetPublicKey());
        }
        catch (Exception e) when (e is CrlException or IOException or ArgumentException or InvalidKeyException or SignatureException
                                      or CertificateException or InvalidCastException)
        {
            return null;
        }
        if (new DateTimeOffset(crl.ThisUpdate, TimeSpan.Zero) > now + Skew) return null;
        var entry = crl.GetRevokedCertificate(certificate.SerialNumber);
        if (entry is not null)
            return new RevocationAnswer
            {
                Status = RevocationStatus.Revoked, RevokedAt = new DateTimeOffset(entry.RevocationDate, TimeSpan.Zero), Source = source,
            };
        var thisUpdate = new DateTimeOffset(crl.ThisUpdate, TimeSpan.Zero);
        var next = crl.NextUpdate is { } n ? new DateTimeOffset(n, TimeSpan.Zero) : (DateTimeOffset?)null;
        return freshness.Accepts(thisUpdate, next, now) ? new RevocationAnswer { Status = RevocationStatus.Good, Source = source } : null;
    }
}
