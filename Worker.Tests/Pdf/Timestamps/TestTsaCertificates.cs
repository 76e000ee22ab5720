using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Pdf.Timestamps;

/// <summary>A throwaway CA and a TSA certificate it issued, with the extended key usage RFC 3161 requires.</summary>
internal sealed class TestTsaCertificates : IDisposable
{
    private const string PaddingOid = "1.3.6.1.4.1.99999.3161.2";

    private TestTsaCertificates(X509Certificate2 ca, X509Certificate2 tsa)
    {
        Ca = ca;
        Tsa = tsa;
    }

    /// <summary>The self-signed root that issued <see cref="Tsa"/>.</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>The TSA's certificate, with its ECDSA P-256 private key.</summary>
    public X509Certificate2 Tsa { get; }

    /// <summary>
    /// Makes a fresh CA and TSA certificate valid from an hour ago for <paramref name="lifetime"/> (a year by default);
    /// <paramref name="padding"/> bytes in a private non-critical extension make the TSA certificate, and so its tokens, that much longer.
    /// </summary>
    public static TestTsaCertificates Create(TimeSpan? lifetime = null, int padding = 0)
    {
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        var notAfter = lifetime is { } span ? notBefore + span : notBefore.AddYears(1);

        var ca = TestPki.SelfSigned(TestCertificate.Authority("CN=Worker Test TSA Root, O=Worker Tests")
            with { Key = DemoKeyKind.EcP256, NotBefore = notBefore, NotAfter = notAfter });
        // RFC 3161 §2.3: the TSA certificate has exactly one extended key usage, timeStamping, marked critical.
        var tsa = ca.Issue(new TestCertificate("CN=Worker Test TSA, O=Worker Tests")
        {
            Key = DemoKeyKind.EcP256, NotBefore = notBefore, NotAfter = notAfter, KeyUsage = X509KeyUsageFlags.DigitalSignature,
            ExtendedKeyUsage = DemoCertificates.TimeStampingOid,
            Extensions = padding > 0 ? [new X509Extension(PaddingOid, OctetString(new byte[padding]), false)] : [],
        });

        return new TestTsaCertificates(ca, tsa);
    }

    private static byte[] OctetString(byte[] content)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(content);
        return writer.Encode();
    }

    /// <summary>Writes the CA certificate as PEM, for openssl's -CAfile.</summary>
    public void WriteCaPem(string path) => File.WriteAllText(path, Ca.ExportCertificatePem());

    public void Dispose()
    {
        Ca.Dispose();
        Tsa.Dispose();
    }
}
