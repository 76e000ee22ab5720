using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;
using Worker.Pdf.Pades;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Support;

/// <summary>An attacker's self-made certificate carrying a genuine signer's name, and files signed with it.</summary>
public static class LookAlikeSigner
{
    /// <summary>A self-signed signing certificate with exactly <paramref name="subject"/>, as PKCS#12 and password file in <paramref name="folder"/>.</summary>
    public static DemoPki.KeyFiles Create(string folder, X500DistinguishedName subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var files = new DemoPki.KeyFiles(Path.Combine(folder, "look-alike.p12"), Path.Combine(folder, "look-alike.pass"));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        File.WriteAllBytes(files.Pkcs12, certificate.Export(X509ContentType.Pkcs12, password));
        File.WriteAllText(files.PasswordFile, password + "\n");
        return files;
    }

    /// <summary>The subject of the first certificate in a PKCS#12 file: the name to copy.</summary>
    public static X500DistinguishedName SubjectOf(DemoPki.KeyFiles genuine)
    {
        using var signer = genuine.Open();
        return new X500DistinguishedName(signer.Chain[0].SubjectName.RawData);
    }

    /// <summary>Signs a corpus file with the look-alike (no trust anchors: the forger's own tool accepts its own certificate).</summary>
    public static async Task SignAsync(DemoPki.KeyFiles lookAlike, string corpusFile, string output)
    {
        using var key = lookAlike.Open();
        await PdfSigner.SignAsync(new PdfSignRequest
        {
            InputPath = RepoPaths.CorpusFile(corpusFile), OutputPath = output, Signer = key, Reason = "Setuju", Location = "Mamuju",
        });
    }
}
