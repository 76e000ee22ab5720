using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Tsp;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Verification;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;

namespace Worker.Pdf.Ltv;

/// <summary>
/// How long a filed file stays verifiable without a new document timestamp: until its newest document timestamp's TSA
/// certificate expires, or its hash algorithm (the imprint's or the token signature's) is held weak, whichever comes first.
/// A file without a readable document timestamp has no horizon of its own (null).
/// </summary>
public static class ArchivalHorizon
{
    /// <summary>The horizon; <paramref name="weakFrom"/> names hash algorithms (SHA1, SHA256, ...) and when each stops counting.</summary>
    public static DateTimeOffset? NewestTimestampExpiry(string path, IReadOnlyDictionary<string, DateTimeOffset>? weakFrom = null)
    {
        using var file = File.OpenRead(path);
        using var pdf = PdfStructure.Open(file);
        DateTimeOffset? newest = null;
        DateTimeOffset? expiry = null;
        foreach (var field in SignatureFieldFinder.Find(pdf))
        {
            if (pdf.Get(field.Signature, "SubFilter") is not NameToken { Data: "ETSI.RFC3161" }) continue;
            if (pdf.Get(field.Signature, "Contents") is not HexToken contents || ByteRangeInspector.TrimmedCms(contents.Bytes.ToArray()) is not { } der) continue;
            try
            {
                var token = new TimeStampToken(ContentInfo.GetInstance(Asn1Object.FromByteArray(der)));
                var tsa = token.GetCertificates().EnumerateMatches(token.SignerID).FirstOrDefault();
                var time = new DateTimeOffset(token.TimeStampInfo.GenTime, TimeSpan.Zero);
                if (tsa is null || time < newest) continue;
                (newest, expiry) = (time, Earliest(new DateTimeOffset(tsa.NotAfter, TimeSpan.Zero),
                    Weak(token.TimeStampInfo.MessageImprintAlgOid, weakFrom), Weak(SignerDigestOid(der), weakFrom)));
            }
            catch (Exception e) when (e is TspException or ArgumentException or IOException or InvalidCastException or Org.BouncyCastle.Cms.CmsException)
            {
                // An unreadable token proves nothing; the newest readable one decides.
            }
        }
        return expiry;
    }

    private static string SignerDigestOid(byte[] der) =>
        new Org.BouncyCastle.Cms.CmsSignedData(der).GetSignerInfos().GetSigners().FirstOrDefault()?.DigestAlgorithmID.Algorithm.Id ?? "";

    private static DateTimeOffset? Weak(string oid, IReadOnlyDictionary<string, DateTimeOffset>? weakFrom) =>
        weakFrom is not null && Worker.Pdf.Cms.CmsAlgorithms.HashFromOid(oid) is { } hash
            && weakFrom.FirstOrDefault(w => string.Equals(w.Key.Replace("-", ""), hash.Name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
            ? found.Value
            : null;

    private static DateTimeOffset Earliest(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.OfType<DateTimeOffset>().Append(first).Min();
}
