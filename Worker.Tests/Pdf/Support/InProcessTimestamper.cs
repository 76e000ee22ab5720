using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;
using Worker.Pdf.Keys;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// A TSA in the test process (BouncyCastle's generator), standing in for the real RFC 3161 client to check that
/// the CMS builder's timestamp hook embeds a token verifiers accept.
/// </summary>
public sealed class InProcessTimestamper
{
    private readonly TimeStampTokenGenerator _generator;

    public InProcessTimestamper()
    {
        using var certificate = TestPki.SelfSigned(new TestCertificate("CN=Test TSA, O=Tests, C=ID")
        {
            KeyUsage = X509KeyUsageFlags.DigitalSignature, ExtendedKeyUsage = DemoCertificates.TimeStampingOid, NotAfter = DateTimeOffset.UtcNow.AddYears(1),
        });
        using var rsa = certificate.GetRSAPrivateKey()!;
        var bcCertificate = new X509CertificateParser().ReadCertificate(certificate.RawData);
        var key = DotNetUtilities.GetRsaKeyPair(rsa.ExportParameters(true)).Private;
        _generator = new TimeStampTokenGenerator(key, bcCertificate, TspAlgorithms.Sha256, "1.2.3.4.1");
        _generator.SetCertificates(CollectionUtilities.CreateStore(new[] { bcCertificate }));
    }

    public int Calls { get; private set; }

    /// <summary>Matches the hook's shape: the signature value in, a DER TimeStampToken (ContentInfo) out.</summary>
    public Task<byte[]> TokenForAsync(byte[] signatureValue, CancellationToken cancellationToken)
    {
        Calls++;
        // certReq makes the token carry the TSA certificate; without it no verifier can check the token's signature.
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var request = generator.Generate(TspAlgorithms.Sha256, SHA256.HashData(signatureValue), BigInteger.ValueOf(Calls));
        var token = _generator.Generate(request, BigInteger.ValueOf(Calls), DateTime.UtcNow);
        return Task.FromResult(token.GetEncoded());
    }
}
