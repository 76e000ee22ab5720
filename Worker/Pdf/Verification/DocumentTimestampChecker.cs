using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Tsp;
using Worker.Pdf.Cms;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;

namespace Worker.Pdf.Verification;

/// <summary>
/// Checks a document timestamp (/SubFilter /ETSI.RFC3161): its /Contents is an RFC 3161 token whose imprint
/// must be the digest of the byte ranges, signed by a TSA certificate that chains to a trust anchor.
/// </summary>
internal static class DocumentTimestampChecker
{
    /// <summary>Checks the token; <paramref name="extra"/> are certificates from outside it (the DSS) that may complete the TSA's chain.</summary>
    public static DocumentTimestampCheck Check(byte[] token, Func<HashAlgorithmName, byte[]> digestOfRanges, X509Certificate2Collection? trust,
        IReadOnlyList<Org.BouncyCastle.X509.X509Certificate> extra)
    {
        TimeStampToken parsed;
        try
        {
            parsed = new TimeStampToken(ContentInfo.GetInstance(Asn1Object.FromByteArray(token)));
        }
        catch (Exception e) when (e is TspException or ArgumentException or IOException or InvalidCastException or Org.BouncyCastle.Cms.CmsException)
        {
            return DocumentTimestampCheck.Failed("the document timestamp token cannot be read");
        }
        if (CmsAlgorithms.HashFromOid(parsed.TimeStampInfo.MessageImprintAlgOid) is not { } hash)
            return DocumentTimestampCheck.Failed("the document timestamp uses an unsupported digest");
        if (!CryptographicOperations.FixedTimeEquals(digestOfRanges(hash), parsed.TimeStampInfo.GetMessageImprintDigest()))
            return DocumentTimestampCheck.Failed("the document digest does not match the document timestamp (the signed bytes were changed)");
        var tsa = parsed.GetCertificates().EnumerateMatches(parsed.SignerID).FirstOrDefault();
        if (tsa is null)
            return DocumentTimestampCheck.Failed("the document timestamp does not include the TSA certificate");
        try
        {
            parsed.Validate(tsa);
        }
        catch (Exception e) when (e is TspException or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            return DocumentTimestampCheck.Failed("the document timestamp's signature does not verify against the TSA certificate");
        }
        var time = new DateTimeOffset(parsed.TimeStampInfo.GenTime, TimeSpan.Zero);
        var certificate = X509CertificateLoader.LoadCertificate(tsa.GetEncoded());
        var pool = parsed.GetCertificates().EnumerateMatches(null).ToList();
        bool? trusted = trust is null ? null : ChainBuilder.TrustedAt(tsa, [.. pool, .. extra], trust, time) is not null;
        return new DocumentTimestampCheck
        {
            Intact = true,
            Time = time,
            AuthorityName = certificate.GetNameInfo(X509NameType.SimpleName, false),
            Trusted = trusted,
            Authority = new TimestampAuthority { Certificate = tsa, Pool = pool, Time = time },
            Problems = trusted == false ? ["the TSA certificate does not chain to a trusted root"] : [],
        };
    }
}
