using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;
using Worker.Pdf.Revocation;

namespace Worker.Tests.Pdf.Revocation;

/// <summary>
/// Which embedded CRL proves a certificate unrevoked at a signing time long after the CRL expired (validation years later):
/// for the signer, only one issued after the signature; for a CA, one valid at the signing time.
/// </summary>
public sealed class EmbeddedRevocationTests : IDisposable
{
    private static readonly DateTimeOffset Signed = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset YearsLater = Signed.AddYears(3);
    private readonly RSA rootKey = RSA.Create(2048);
    private readonly RSA intermediateKey = RSA.Create(2048);
    private readonly X509Certificate2 root;
    private readonly X509Certificate2 intermediate;
    private readonly X509Certificate2 signer;

    public EmbeddedRevocationTests()
    {
        root = Authority("CN=Test Root", rootKey, null, null);
        intermediate = Authority("CN=Test Intermediate", intermediateKey, root, rootKey);
        using var signerKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=Official", signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        signer = request.Create(intermediate.SubjectName, X509SignatureGenerator.CreateForRSA(intermediateKey, RSASignaturePadding.Pkcs1),
            Signed.AddYears(-1), Signed.AddYears(1), [7]);
    }

    [Fact]
    public void Check_AcceptsACaCrlValidAtTheSigningTime_ThoughIssuedBeforeIt()
    {
        var crl = Crl(root, rootKey, issued: Signed.AddDays(-20), next: Signed.AddDays(10));
        var answer = EmbeddedRevocation.Check(new RevocationEvidence { Crls = [crl] }, Bc(intermediate), Bc(root), YearsLater, Signed);
        Assert.Equal(RevocationStatus.Good, answer?.Status);
    }

    [Fact]
    public void Check_RefusesACaCrlThatExpiredBeforeTheSigningTime()
    {
        var crl = Crl(root, rootKey, issued: Signed.AddDays(-40), next: Signed.AddDays(-10));
        Assert.Null(EmbeddedRevocation.Check(new RevocationEvidence { Crls = [crl] }, Bc(intermediate), Bc(root), YearsLater, Signed));
    }

    [Fact]
    public void Check_RefusesASignersCrlIssuedBeforeTheSignature_EvenWhileItWasValid()
    {
        // The attack: a key revoked after this CRL was issued, a signature made after the revocation, the old "good" list embedded.
        var crl = Crl(intermediate, intermediateKey, issued: Signed.AddHours(-6), next: Signed.AddDays(7));
        Assert.Null(EmbeddedRevocation.Check(new RevocationEvidence { Crls = [crl] }, Bc(signer), Bc(intermediate), YearsLater, Signed));
    }

    [Fact]
    public void Check_AcceptsASignersCrlIssuedAfterTheSignature()
    {
        var crl = Crl(intermediate, intermediateKey, issued: Signed.AddMinutes(3), next: Signed.AddDays(7));
        var answer = EmbeddedRevocation.Check(new RevocationEvidence { Crls = [crl] }, Bc(signer), Bc(intermediate), YearsLater, Signed);
        Assert.Equal(RevocationStatus.Good, answer?.Status);
    }

    private static X509Certificate2 Authority(string name, RSA key, X509Certificate2? issuer, RSA? issuerKey)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var (from, to) = (Signed.AddYears(-5), Signed.AddYears(10));
        if (issuer is null) return request.CreateSelfSigned(from, to);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issued = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForRSA(issuerKey!, RSASignaturePadding.Pkcs1), from, to, [2]);
        return issued.CopyWithPrivateKey(key);
    }

    private static byte[] Crl(X509Certificate2 issuer, RSA key, DateTimeOffset issued, DateTimeOffset next)
    {
        using var withKey = issuer.HasPrivateKey ? X509CertificateLoader.LoadCertificate(issuer.RawData).CopyWithPrivateKey(key) : issuer.CopyWithPrivateKey(key);
        return new CertificateRevocationListBuilder().Build(withKey, 1, next, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, issued);
    }

    private static Org.BouncyCastle.X509.X509Certificate Bc(X509Certificate2 certificate) => new X509CertificateParser().ReadCertificate(certificate.RawData);

    public void Dispose()
    {
        signer.Dispose();
        intermediate.Dispose();
        root.Dispose();
        rootKey.Dispose();
        intermediateKey.Dispose();
    }
}
