using System.Security.Cryptography;
using Worker.Pdf.Cms;
using Worker.Pdf.Keys;
using Worker.Pdf.Pades;
using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;
using Worker.Pdf.Timestamps;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// Signs like PdfSigner but without its self-check, so tests can make files with a flawed timestamp and
/// see what the verifier says about them.
/// </summary>
public static class UncheckedSigning
{
    public static async Task SignAsync(string input, string output, IDigestSigner signer, ITimeStamper timestamp)
    {
        await using var source = File.OpenRead(input);
        using var pdf = PdfStructure.Open(source);
        var cms = new CadesSignedDataBuilder(signer, HashAlgorithmName.SHA256, timestamp);
        var contentsLength = await cms.EstimateSizeAsync(CancellationToken.None);
        await using var target = new FileStream(output, FileMode.CreateNew, FileAccess.ReadWrite);
        var prepared = SignatureFieldWriter.Prepare(pdf, source, target, new SignatureFieldRequest
        {
            SigningTime = DateTimeOffset.Now,
            ContentsLength = contentsLength,
            Name = "Unchecked",
        });
        await CmsEmbedder.EmbedAsync(target, prepared, HashAlgorithmName.SHA256, cms.BuildAsync, CancellationToken.None);
    }
}
