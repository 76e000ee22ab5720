using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Worker.Tests.Support;

/// <summary>A self-signed RSA identity as PKCS#12 plus password file, for tests that need a configured signer.</summary>
public static class TestSigner
{
    public static void Create(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Demo Signer, O=Pemprov Sulbar Test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        File.WriteAllBytes(Path.Combine(folder, "signer.p12"), cert.Export(X509ContentType.Pkcs12, password));
        File.WriteAllText(Path.Combine(folder, "signer.pass"), password + "\n");
    }
}
