using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;
using Worker.Pdf.Revocation;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Pdf.Revocation;

/// <summary>
/// Which embedded CRL proves a certificate unrevoked at a signing time long after the CRL expired (validation years later):
/// for the signer, only one issued after the signature; for a CA, one valid at the signing time.
/// </summary>
public sealed class EmbeddedRevocationTests : IDisposable
{
    private static readonly DateTimeOffset Signed = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset YearsLater = Signed.AddYears(3);
    private readonly X509Certificate2 root;
    private readonly X509Certificate2 intermediate;
    private readonly X509Certificate2 signer;

    public EmbeddedRevocationTests()
    {
        root = TestPki.SelfSigned(TestCertificate.Authority("CN=Test Root") with { NotBefore = Signed.AddYears(-5), NotAfter = Signed.AddYears(10) });
        intermediate = root.Issue(TestCertificate.Authority("CN=Test Intermediate") with { NotBefore = Signed.AddYears(-5), NotAfter = Signed.AddYears(10), Serial = [2] });
        signer = intermediate.Issue(new TestCertificate("CN=Official") { NotBefore = Signed.AddYears(-1), NotAfter = Signed.AddYears(1), Serial = [7] });
    }

    [Fact]
    public void Check_AcceptsACaCrlValidAtTheSigningTime_ThoughIssuedBeforeIt()
    {
        var crl = root.Crl(thisUpdate: Signed.AddDays(-20), nextUpdate: Signed.AddDays(10));
        var answer = EmbeddedRevocation.Check(new RevocationEvidence { Crls = [crl] }, Bc(intermediate), Bc(root), YearsLater, Signed);
        Assert.Equal(RevocationStatus.Good, answer?.Status);
    }

    [Fact]
    public void Check_RefusesACaCrlThatExpiredBeforeTheSigningTime()
    {
        var crl = root.Crl(thisUpdate: Signed.AddDays(-40), nextUpdate: Signed.AddDays(-10));
        Assert.Null(EmbeddedRevocation.Check(new RevocationEvidence { Crls = [crl] }, Bc(intermediate), Bc(root), YearsLater, Signed));
    }

    [Fact]
    public void Check_RefusesASignersCrlIssuedBeforeTheSignature_EvenWhileItWasValid()
    {
        // The attack: a key revoked after this CRL was issued, a signature made after the revocation, the old "good" list embedded.
        var crl = intermediate.Crl(thisUpdate: Signed.AddHours(-6), nextUpdate: Signed.AddDays(7));
        Assert.Null(EmbeddedRevocation.Check(new RevocationEvidence { Crls = [crl] }, Bc(signer), Bc(intermediate), YearsLater, Signed));
    }

    [Fact]
    public void Check_AcceptsASignersCrlIssuedAfterTheSignature()
    {
        var crl = intermediate.Crl(thisUpdate: Signed.AddMinutes(3), nextUpdate: Signed.AddDays(7));
        var answer = EmbeddedRevocation.Check(new RevocationEvidence { Crls = [crl] }, Bc(signer), Bc(intermediate), YearsLater, Signed);
        Assert.Equal(RevocationStatus.Good, answer?.Status);
    }

    private static Org.BouncyCastle.X509.X509Certificate Bc(X509Certificate2 certificate) => new X509CertificateParser().ReadCertificate(certificate.RawData);

    public void Dispose()
    {
        signer.Dispose();
        intermediate.Dispose();
        root.Dispose();
    }
}
