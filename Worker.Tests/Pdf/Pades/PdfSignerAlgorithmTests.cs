using System.Security.Cryptography;
using Worker.Pdf.Keys;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Pades;

/// <summary>RSA PKCS#1 v1.5 and PSS, ECDSA P-256 and P-384, SHA-256/384/512: accepted by pdfsig and openssl.</summary>
public class PdfSignerAlgorithmTests
{
    public static TheoryData<string, bool, string> Keys() => new()
    {
        { "rsa", false, "sha256" },
        { "rsa", false, "sha512" },
        { "rsa", true, "sha256" },
        { "rsa", true, "sha384" },
        { "p256", false, "sha256" },
        { "p384", false, "sha384" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Sign_ProducesSignatureAcceptedByPdfsigAndOpenssl(string key, bool pss, string hash)
    {
        using var temp = new TempDirectory();
        var files = key switch { "p256" => DemoPki.Instance.EcP256, "p384" => DemoPki.Instance.EcP384, _ => DemoPki.Instance.Rsa };
        using var signer = files.Open(pss);
        Assert.Equal(pss ? SignatureScheme.RsaPss : key == "rsa" ? SignatureScheme.RsaPkcs1 : SignatureScheme.Ecdsa, signer.Scheme);

        await TestSigning.SignAsync(RepoPaths.CorpusFile("minimal-document.pdf"), temp.File("out.pdf"), signer,
            hash: new HashAlgorithmName(hash.ToUpperInvariant()));

        SignedPdf.AssertPdfSigValid(temp.File("out.pdf"), 1);
        Assert.Contains($"Signing Hash Algorithm: SHA-{hash[3..]}", SignedPdf.PdfSig(temp.File("out.pdf")));
        SignedPdf.AssertOpenSslVerifies(temp.File("out.pdf"), temp.Path);
    }
}
