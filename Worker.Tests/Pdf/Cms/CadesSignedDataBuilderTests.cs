using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Worker.Pdf.Cms;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Cms;

public class CadesSignedDataBuilderTests
{
    [Fact]
    public async Task BuildAsync_WritesCadesSignedAttributes_WithoutSigningTime()
    {
        using var signer = DemoPki.Instance.Rsa.Open();
        var builder = new CadesSignedDataBuilder(signer, HashAlgorithmName.SHA256);

        var der = await builder.BuildAsync(SHA256.HashData("content"u8), CancellationToken.None);

        var info = new CmsSignedData(der).GetSignerInfos().GetSigners().Single();
        Assert.NotNull(info.SignedAttributes[CmsAttributes.ContentType]);
        Assert.NotNull(info.SignedAttributes[CmsAttributes.MessageDigest]);
        Assert.NotNull(info.SignedAttributes[PkcsObjectIdentifiers.IdAASigningCertificateV2]);
        Assert.Null(info.SignedAttributes[CmsAttributes.SigningTime]);
        Assert.Equal(2, new CmsSignedData(der).GetCertificates().EnumerateMatches(null).Count());
        Assert.True(der.Length <= await builder.EstimateSizeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Sign_EmbedsSignatureTimestamp_WhenTimestampHookIsGiven()
    {
        using var temp = new TempDirectory();
        using var signer = DemoPki.Instance.Rsa.Open();
        var tsa = new InProcessTimestamper();

        await TestSigning.SignAsync(RepoPaths.CorpusFile("habibi.pdf"), temp.File("out.pdf"), signer, timestamp: new TestTimeStamper(tsa.TokenForAsync));

        Assert.Equal(1, tsa.Calls);
        var result = PdfSignatureVerifier.Verify(temp.File("out.pdf"), DemoPki.Instance.Trust).Single();
        Assert.True(result.IsValid, result.Summary);
        Assert.True(result.TimestampValid);
        SignedPdf.AssertPdfSigValid(temp.File("out.pdf"), 1);
        SignedPdf.AssertOpenSslVerifies(temp.File("out.pdf"), temp.Path);
    }

    [Fact]
    public async Task Sign_Fails_WhenTimestampHookFails()
    {
        using var temp = new TempDirectory();
        using var signer = DemoPki.Instance.Rsa.Open();

        await Assert.ThrowsAsync<HttpRequestException>(() => TestSigning.SignAsync(RepoPaths.CorpusFile("habibi.pdf"),
            temp.File("out.pdf"), signer, timestamp: new TestTimeStamper((_, _) => throw new HttpRequestException("TSA down"))));

        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
