using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Revocation;

/// <summary>Reads an OCSP response about one certificate, trusting it only when the issuer or its delegated responder signed it.</summary>
internal static class OcspAnswer
{
    private static readonly TimeSpan Skew = Freshness.Skew;

    /// <summary>A request for the status of <paramref name="certificate"/>, DER-encoded for an HTTP POST.</summary>
    public static byte[] Request(BcCertificate certificate, BcCertificate issuer)
    {
        var generator = new OcspReqGenerator();
        generator.AddRequest(new CertificateID(CertificateID.DigestSha1, issuer, certificate.SerialNumber));
        return generator.Generate().GetEncoded();
    }

    /// <summary>The answer, or null when the response is not a signed answer about this certificate that <paramref name="freshness"/> accepts.</summary>
    public static RevocationAnswer? Read(byte[] response, BcCertificate certificate, BcCertificate issuer, DateTimeOffset now,
        Freshness freshness, string source)
    {
        BasicOcspResp? basic;
        try
        {
            var resp = new OcspResp(response);
            if (resp.Status != OcspRespStatus.Successful) return null;
            basic = resp.GetResponseObject() as BasicOcspResp;
            if (basic is null || !SignedByIssuerOrDelegate(basic, issuer)) return null;
        }
        catch (Exception e) when (e is OcspException or IOException or ArgumentException or InvalidCastException or CertificateException)
        {
            return null;
        }
        foreach (var single in basic.Responses)
        {
            var id = single.GetCertID();
            if (!id.SerialNumber.Equals(certificate.SerialNumber) || !id.MatchesIssuer(issuer)) continue;
            var thisUpdate = new DateTimeOffset(single.ThisUpdate, TimeSpan.Zero);
            if (thisUpdate > now + Skew) continue;
            var status = single.GetCertStatus();
            if (status is RevokedStatus revoked)
                return new RevocationAnswer
                {
                    Status = RevocationStatus.Revoked, RevokedAt = new DateTimeOffset(revoked.RevocationTime, TimeSpan.Zero), Source = source,
                };
            var next = single.NextUpdate is { } n ? new DateTimeOffset(n, TimeSpan.Zero) : (DateTimeOffset?)null;
            if (status == CertificateStatus.Good && freshness.Accepts(thisUpdate, next, now))
                return new RevocationAnswer { Status = RevocationStatus.Good, Source = source };
        }
        return null;
    }

    private static bool SignedByIssuerOrDelegate(BasicOcspResp basic, BcCertificate issuer)
    {
        if (basic.Verify(issuer.GetPublicKey())) return true;
        foreach (var responder in basic.GetCerts() ?? [])
        {
            // A delegated responder: issued by the same CA for OCSP signing, valid when it answered.
            if (!responder.IssuerDN.Equivalent(issuer.SubjectDN) || !responder.IsValid(basic.ProducedAt)) continue;
            if (responder.GetExtendedKeyUsage()?.Contains(KeyPurposeID.id_kp_OCSPSigning) != true) continue;
            try
            {
                responder.Verify(issuer.GetPublicKey());
            }
            catch (Exception e) when (e is CertificateException or InvalidKeyException or SignatureException)
            {
                continue;
            }
            if (basic.Verify(responder.GetPublicKey())) return true;
        }
        return false;
    }
}
