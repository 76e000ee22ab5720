using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Worker.Pdf.Keys;
using Worker.Pdf.Timestamps;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;
using IssuerAndSerialNumber = Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber;

namespace Worker.Pdf.Cms;

/// <summary>
/// Builds a detached CAdES SignedData over a digest the caller computed: signed attributes content-type,
/// message-digest and signing-certificate-v2 (no signing-time: PAdES keeps the time in /M), the full chain,
/// and optionally a signature timestamp as unsigned attribute. It never sees a PDF.
/// </summary>
public sealed class CadesSignedDataBuilder(
    IDigestSigner signer,
    HashAlgorithmName hash,
    ITimeStamper? timeStamper = null)
{
    // Parsed once: sizing, signed attributes and the final encoding all need them.
    private readonly X509CertificateStructure _certificate = X509CertificateStructure.GetInstance(signer.Chain[0].RawData);
    private readonly DerSet _certificates = new(signer.Chain.Select(c => (Asn1Encodable)X509CertificateStructure.GetInstance(c.RawData)).ToArray());

    /// <summary>
    /// Bytes to reserve for the DER SignedData: the real structure with a maximal signature and, with a time stamper,
    /// a stand-in for its token as large as the stamper's reserve, plus slack.
    /// </summary>
    public async Task<int> EstimateSizeAsync(CancellationToken cancellationToken)
    {
        var unsigned = timeStamper is null ? null
            : TimestampAttribute(new DerOctetString(new byte[await timeStamper.TokenReserveAsync(cancellationToken)]));
        var probe = Encode(SignedAttributes(new byte[CmsAlgorithms.HashLength(hash)]), new byte[signer.MaxSignatureLength], unsigned);
        return probe.Length + 64;
    }

    /// <summary>Signs and returns the DER-encoded ContentInfo of the SignedData.</summary>
    public async Task<byte[]> BuildAsync(byte[] contentDigest, CancellationToken cancellationToken)
    {
        var signedAttributes = SignedAttributes(contentDigest);
        var toSign = signedAttributes.GetEncoded(Asn1Encodable.Der);
        var signature = await signer.SignDigestAsync(Hash(toSign), hash, cancellationToken);
        DerSet? unsigned = null;
        if (timeStamper is not null)
        {
            var token = await timeStamper.GetTokenAsync(signature, cancellationToken);
            unsigned = TimestampAttribute(ContentInfo.GetInstance(Asn1Object.FromByteArray(token)));
        }
        return Encode(signedAttributes, signature, unsigned);
    }

    private static DerSet TimestampAttribute(Asn1Encodable token) =>
        new(new Attribute(PkcsObjectIdentifiers.IdAASignatureTimeStampToken, new DerSet(token)));

    private DerSet SignedAttributes(byte[] contentDigest)
    {
        var certificate = _certificate;
        // ESS certificate hashes use SHA-256, the default algorithm of ESSCertIDv2, so it is left out of the DER.
        var certId = new EssCertIDv2(SHA256.HashData(signer.Chain[0].RawData),
            new IssuerSerial(new GeneralNames(new GeneralName(certificate.Issuer)), certificate.SerialNumber));
        return new DerSet(
            new Attribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.Data)),
            new Attribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(contentDigest))),
            new Attribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(new SigningCertificateV2([certId]))));
    }

    private byte[] Encode(DerSet signedAttributes, byte[] signature, DerSet? unsignedAttributes)
    {
        var certificate = _certificate;
        var signerInfo = new SignerInfo(
            new SignerIdentifier(new IssuerAndSerialNumber(certificate.Issuer, certificate.SerialNumber)),
            CmsAlgorithms.Digest(hash), signedAttributes, CmsAlgorithms.Signature(signer.Scheme, hash),
            new DerOctetString(signature), unsignedAttributes);
        var signedData = new SignedData(new DerSet(CmsAlgorithms.Digest(hash)),
            new ContentInfo(CmsObjectIdentifiers.Data, null), _certificates, null, new DerSet(signerInfo));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded(Asn1Encodable.Der);
    }

    private byte[] Hash(byte[] data) => CryptographicOperations.HashData(hash, data);
}
