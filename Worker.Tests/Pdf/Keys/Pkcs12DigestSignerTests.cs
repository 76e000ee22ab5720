using Worker.Pdf.Keys;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Pdf.Keys;

public class Pkcs12DigestSignerTests
{
    [Fact]
    public void Open_ExplainsWrongPassword()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("wrong.pass"), "not-the-password\n");

        var e = Assert.Throws<SigningKeyException>(() => Pkcs12DigestSigner.Open(DemoPki.Instance.Rsa.Pkcs12, temp.File("wrong.pass")));

        Assert.Contains("wrong password", e.Message);
    }

    [Fact]
    public void Open_ExplainsMissingFiles()
    {
        Assert.Contains("not found", Assert.Throws<SigningKeyException>(() => Pkcs12DigestSigner.Open("/nonexistent/a.p12", DemoPki.Instance.Rsa.PasswordFile)).Message);
        Assert.Contains("password file not found", Assert.Throws<SigningKeyException>(() => Pkcs12DigestSigner.Open(DemoPki.Instance.Rsa.Pkcs12, "/nonexistent/a.pass")).Message);
    }

    [Fact]
    public void Open_RefusesExpiredCertificate()
    {
        using var temp = new TempDirectory();
        using var authority = TestPki.SelfSigned(TestCertificate.Authority(TestPki.DemoName(DemoPki.RootName)));
        using var expired = authority.Issue(new TestCertificate(TestPki.DemoName("Expired Signer"))
            { NotBefore = DateTimeOffset.UtcNow.AddYears(-3), NotAfter = DateTimeOffset.UtcNow.AddDays(-1) });
        KeyFiles.In(temp.Path, "e").Write(expired, authority);

        var e = Assert.Throws<SigningKeyException>(() => Pkcs12DigestSigner.Open(temp.File("e.p12"), temp.File("e.pass")));

        Assert.Contains("expired", e.Message);
    }

    [Fact]
    public void Open_ReturnsSignerWithChainUpToTheRoot()
    {
        using var signer = DemoPki.Instance.EcP256.Open();

        Assert.Equal(SignatureScheme.Ecdsa, signer.Scheme);
        Assert.Equal(2, signer.Chain.Count);
        Assert.Equal(DemoPki.Instance.Trust[0].Thumbprint, signer.Chain[1].Thumbprint);
    }
}
