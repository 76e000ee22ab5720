using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Tsp;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Verification;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;

namespace Worker.Pdf.Ltv;

/// <summary>
/// How long a filed file stays verifiable without a new document timestamp: until its newest document timestamp's TSA
/// certificate expires. A file without one has no horizon of its own (null), so the renewal gives it its first.
/// </summary>
public static class ArchivalHorizon
{
    public static DateTimeOffset? NewestTimestampExpiry(string path)
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
                (newest, expiry) = (time, new DateTimeOffset(tsa.NotAfter, TimeSpan.Zero));
            }
            catch (Exception e) when (e is TspException or ArgumentException or IOException or InvalidCastException)
            {
                // An unreadable token proves nothing; the newest readable one decides.
            }
        }
        return expiry;
    }
}
