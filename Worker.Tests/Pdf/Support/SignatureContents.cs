using System.Formats.Asn1;
using System.Text;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;

namespace Worker.Tests.Pdf.Support;

/// <summary>What a signature's /Contents holds: the room reserved for it and the DER written into that room.</summary>
public sealed record SignatureContents(int ReservedBytes, byte[] Der)
{
    /// <summary>The /Contents of the last signature (or document timestamp) in <paramref name="path"/>.</summary>
    public static SignatureContents Last(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var range = SignedPdf.ByteRanges(bytes)[^1];
        var hole = Convert.FromHexString(Encoding.ASCII.GetString(bytes, (int)range[1] + 1, (int)(range[2] - range[1] - 2)));
        // The DER ends where its outer length says; the zeros after it are the unused room.
        AsnDecoder.ReadEncodedValue(hole, AsnEncodingRules.BER, out _, out _, out var length);
        return new SignatureContents(hole.Length, hole[..length]);
    }

    /// <summary>The reserved bytes the DER left unused.</summary>
    public int Unused => ReservedBytes - Der.Length;

    /// <summary>The length of the signature timestamp token in the CMS, for a signature (not a document timestamp).</summary>
    public int SignatureTimestampLength()
    {
        var signer = new CmsSignedData(Der).GetSignerInfos().GetSigners().Single();
        return signer.UnsignedAttributes[PkcsObjectIdentifiers.IdAASignatureTimeStampToken].AttrValues[0].ToAsn1Object().GetEncoded().Length;
    }
}
