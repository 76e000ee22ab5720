using Worker.Tests.Support.Pki;

namespace Worker.Tests.Support;

/// <summary>A self-signed RSA identity as PKCS#12 plus password file, for tests that need a configured signer.</summary>
public static class TestSigner
{
    public static void Create(string folder)
    {
        using var certificate = TestPki.SelfSigned(new TestCertificate("CN=Demo Signer, O=Pemprov Sulbar Test") { NotAfter = DateTimeOffset.UtcNow.AddYears(1) });
        KeyFiles.In(folder, "signer").Write(certificate);
    }
}
