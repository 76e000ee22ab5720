using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;
using Worker.Pdf.Cms;
using Worker.Pdf.Revocation;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;

namespace Worker.Pdf.Verification;

/// <summary>Checks a detached CMS against the digest of the signed bytes, the signer certificate and a timestamp.</summary>
internal static class CmsSignatureChecker
{
    /// <summary>Reads the digest algorithm the signer used, so the caller can hash the ranges with it.</summary>
    public static HashAlgorithmName? DigestAlgorithm(byte[] cms)
    {
        try
        {
            // Only the SignerInfo's digest algorithm is needed; parsing the ASN.1 is cheaper than a CmsSignedData.
            var signedData = SignedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(cms)).Content);
            var signer = signedData.SignerInfos.Count == 0 ? null : SignerInfo.GetInstance(signedData.SignerInfos[0]);
            return signer is null ? null : CmsAlgorithms.HashFromOid(signer.DigestAlgorithm.Algorithm.Id);
        }
        catch (Exception e) when (e is CmsException or IOException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>Checks the CMS; <paramref name="extra"/> are certificates from outside it (the DSS) that may complete a chain.</summary>
    public static CmsCheck Check(byte[] cms, HashAlgorithmName hash, byte[] digest, DateTimeOffset? claimedTime, X509Certificate2Collection? trust,
        IReadOnlyList<BcCertificate> extra)
    {
        var problems = new List<string>();
        SignerInformation signer;
        BcCertificate? certificate;
        IReadOnlyList<BcCertificate> certificates;
        RevocationEvidence evidence;
        try
        {
            var signed = new CmsSignedData(new Dictionary<string, byte[]> { [CmsAlgorithms.DigestOid(hash).Id] = digest }, cms);
            signer = signed.GetSignerInfos().GetSigners().Single();
            certificates = signed.GetCertificates().EnumerateMatches(null).ToList();
            certificate = certificates.FirstOrDefault(c => signer.SignerID.Match(c));
            evidence = CmsRevocationData.Read(signed, signer);
        }
        catch (Exception e) when (e is CmsException or IOException or ArgumentException or InvalidOperationException or InvalidCastException)
        {
            return new CmsCheck { Problems = ["the CMS cannot be read"] };
        }
        if (certificate is null)
            return new CmsCheck { Problems = ["the signer certificate is not in the CMS"] };

        var messageDigest = signer.SignedAttributes?[CmsAttributes.MessageDigest]?.AttrValues[0] as Asn1OctetString;
        var digestMatches = messageDigest is not null && CryptographicOperations.FixedTimeEquals(messageDigest.GetOctets(), digest);
        if (!digestMatches) problems.Add("the document digest does not match (the signed bytes were changed)");
        var cert = X509CertificateLoader.LoadCertificate(certificate.GetEncoded());
        var signatureValid = digestMatches && SignatureValueVerifier.Verify(signer, cert);
        if (digestMatches && !signatureValid) problems.Add("the signature value does not verify");

        var (timestampValid, authority, tsaTrusted) = CheckTimestamp(signer, problems, trust, extra);
        var timestampTime = authority?.Time;
        var at = timestampTime ?? claimedTime ?? DateTimeOffset.UtcNow;
        var validAt = at.UtcDateTime >= cert.NotBefore.ToUniversalTime() && at.UtcDateTime <= cert.NotAfter.ToUniversalTime();
        if (!validAt) problems.Add($"the certificate was not valid at the signing time {at:yyyy-MM-dd HH:mm}");
        // An untrusted chain is not a defect of the signature: the verdict says "signer not recognised" instead.
        var chain = trust is null ? null : ChainBuilder.TrustedAt(certificate, [.. certificates, .. extra], trust, at);

        return new CmsCheck
        {
            SignerName = cert.GetNameInfo(X509NameType.SimpleName, false),
            SignerCertificate = cert,
            TimestampTime = timestampTime,
            DigestMatches = digestMatches,
            SignatureValueValid = signatureValid,
            CertificateValidAtSigningTime = validAt,
            ChainTrusted = trust is null ? null : chain is not null,
            Chain = chain ?? [],
            Evidence = evidence,
            TimestampValid = timestampValid,
            TimestampTrusted = tsaTrusted,
            SignatureTimestamp = authority,
            Problems = problems,
        };
    }

    private static (bool? Valid, TimestampAuthority? Authority, bool? TsaTrusted) CheckTimestamp(SignerInformation signer, List<string> problems,
        X509Certificate2Collection? trust, IReadOnlyList<BcCertificate> extra)
    {
        var attribute = signer.UnsignedAttributes?[PkcsObjectIdentifiers.IdAASignatureTimeStampToken];
        if (attribute is null) return (null, null, null);
        try
        {
            var token = new TimeStampToken(ContentInfo.GetInstance(attribute.AttrValues[0]));
            var imprintHash = CmsAlgorithms.HashFromOid(token.TimeStampInfo.MessageImprintAlgOid)
                ?? throw new TspException("unsupported imprint algorithm");
            var expected = CryptographicOperations.HashData(imprintHash, signer.GetSignature());
            if (!expected.AsSpan().SequenceEqual(token.TimeStampInfo.GetMessageImprintDigest()))
            {
                problems.Add("the timestamp imprint does not match the signature value");
                return (false, null, null);
            }
            // Without the TSA's certificate the token's signature cannot be checked, so it proves nothing.
            var tsa = token.GetCertificates().EnumerateMatches(token.SignerID).FirstOrDefault();
            if (tsa is null)
            {
                problems.Add("the timestamp token does not include the TSA certificate, so its signature cannot be checked");
                return (false, null, null);
            }
            if (!ValidTimestampSignature(token, tsa))
            {
                problems.Add("the timestamp token's signature does not verify against the TSA certificate");
                return (false, null, null);
            }
            var genTime = new DateTimeOffset(token.TimeStampInfo.GenTime, TimeSpan.Zero);
            // Anyone can run a TSA: only one chaining to an anchor may vouch for the time against a revocation.
            var pool = token.GetCertificates().EnumerateMatches(null).ToList();
            var tsaTrusted = trust is null ? (bool?)null : ChainBuilder.TrustedAt(tsa, [.. pool, .. extra], trust, genTime) is not null;
            return (true, new TimestampAuthority { Certificate = tsa, Pool = pool, Time = genTime }, tsaTrusted);
        }
        catch (Exception e) when (e is TspException or CmsException or ArgumentException or InvalidCastException or IOException)
        {
            problems.Add("the timestamp token cannot be read");
            return (false, null, null);
        }
    }

    // Validate checks the ESS certificate id, the timeStamping key usage, validity at genTime and the signature.
    private static bool ValidTimestampSignature(TimeStampToken token, BcCertificate tsa)
    {
        try
        {
            token.Validate(tsa);
            return true;
        }
        catch (Exception e) when (e is TspException or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            return false;
        }
    }
}
