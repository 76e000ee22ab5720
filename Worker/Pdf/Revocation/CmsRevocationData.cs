using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;

namespace Worker.Pdf.Revocation;

/// <summary>
/// Revocation data inside a CMS: the SignedData's crls field (CRLs and OCSP responses as "other" revocation info) and
/// Adobe's revocationInfoArchival signed attribute (what Acrobat and many PAdES signers embed).
/// </summary>
internal static class CmsRevocationData
{
    private const string AdobeRevocationInfoArchival = "1.2.840.113583.1.1.8";
    private const string OtherRevInfoOcspResponse = "1.3.6.1.5.5.7.16.2";

    public static RevocationEvidence Read(CmsSignedData signed, SignerInformation signer)
    {
        var ocsp = new List<byte[]>();
        var crls = new List<byte[]>();
        try
        {
            crls.AddRange(signed.GetCrls().EnumerateMatches(null).Select(c => c.GetEncoded()));
            ocsp.AddRange(signed.GetOtherRevInfos(new DerObjectIdentifier(OtherRevInfoOcspResponse)).EnumerateMatches(null)
                .Select(o => o.GetEncoded(Asn1Encodable.Der)));
            if (signer.SignedAttributes?[new DerObjectIdentifier(AdobeRevocationInfoArchival)] is { } attribute
                && attribute.AttrValues.Count > 0 && attribute.AttrValues[0] is Asn1Sequence archival)
                foreach (var part in archival.OfType<Asn1TaggedObject>())
                {
                    var list = part.TagNo switch { 0 => crls, 1 => ocsp, _ => null };
                    if (list is not null && part.GetExplicitBaseObject() is Asn1Sequence items)
                        list.AddRange(items.Cast<Asn1Encodable>().Select(i => i.GetEncoded(Asn1Encodable.Der)));
                }
        }
        catch (Exception e) when (e is CmsException or ArgumentException or InvalidCastException or IOException or InvalidOperationException)
        {
            // Unreadable revocation data is no answer; the online check or "unknown" follows.
        }
        return new RevocationEvidence { OcspResponses = ocsp, Crls = crls };
    }
}
