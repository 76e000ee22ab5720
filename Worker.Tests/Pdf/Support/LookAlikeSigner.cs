using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Pades;
using Worker.Tests.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Pdf.Support;

/// <summary>An attacker's self-made certificate carrying a genuine signer's name, and files signed with it.</summary>
public static class LookAlikeSigner
{
    /// <summary>A self-signed signing certificate with exactly <paramref name="subject"/>, as PKCS#12 and password file in <paramref name="folder"/>.</summary>
    public static KeyFiles Create(string folder, X500DistinguishedName subject)
    {
        using var certificate = TestPki.SelfSigned(new TestCertificate(subject) { NotAfter = DateTimeOffset.UtcNow.AddYears(1) });
        return KeyFiles.In(folder, "look-alike").Write(certificate);
    }

    /// <summary>The subject of the first certificate in a PKCS#12 file: the name to copy.</summary>
    public static X500DistinguishedName SubjectOf(KeyFiles genuine)
    {
        using var signer = genuine.Open();
        return new X500DistinguishedName(signer.Chain[0].SubjectName.RawData);
    }

    /// <summary>Signs a corpus file with the look-alike (no trust anchors: the forger's own tool accepts its own certificate).</summary>
    public static async Task SignAsync(KeyFiles lookAlike, string corpusFile, string output)
    {
        using var key = lookAlike.Open();
        await PdfSigner.SignAsync(new PdfSignRequest
        {
            InputPath = RepoPaths.CorpusFile(corpusFile), OutputPath = output, Signer = key, Reason = "Setuju", Location = "Mamuju",
        });
    }
}
