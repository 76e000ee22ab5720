using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Cms;
using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;
using Worker.Pdf.Verification;

namespace Worker.Pdf.Pades;

/// <summary>
/// Signs one PDF end to end: prepare the revision, embed the CMS, verify the result, then rename it into
/// place. The input is only read; on any failure no output file is left behind.
/// </summary>
public static class PdfSigner
{
    /// <summary>Signs, or throws <see cref="PdfRefusedException"/> for input that must not be signed.</summary>
    public static async Task<PdfSignResult> SignAsync(PdfSignRequest request, CancellationToken cancellationToken = default)
    {
        var outputPath = Path.GetFullPath(request.OutputPath);
        // A fixed name beside the output: a run killed midway leaves a file the next run for the same output removes.
        var temp = Path.Combine(Path.GetDirectoryName(outputPath)!, $".{Path.GetFileName(outputPath)}.signing.tmp");
        File.Delete(temp);
        try
        {
            var (prepared, byteRange) = await WriteSignedAsync(request, temp, cancellationToken);
            var verification = PdfSignatureVerifier.Verify(temp, request.TrustAnchors)
                .SingleOrDefault(v => v.FieldName == prepared.FieldName);
            // Without anchors the self-check can only demand an intact signature; with them it demands "sah / valid".
            if (verification is null || !(request.TrustAnchors is null ? verification.IsIntact : verification.IsValid))
                throw new InvalidOperationException($"the signed file failed its own verification: {verification?.Summary ?? "signature not found"}");
            File.Move(temp, outputPath, overwrite: true);
            return new PdfSignResult
            {
                OutputPath = outputPath, FieldName = prepared.FieldName, ByteRange = byteRange, Verification = verification,
                StampNote = prepared.StampNote,
            };
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static async Task<(PreparedSignature, long[])> WriteSignedAsync(PdfSignRequest request, string temp, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(request.InputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        using var pdf = PdfStructure.Open(input);
        var cms = new CadesSignedDataBuilder(request.Signer, request.Hash, request.TimeStamper);
        var contentsLength = await cms.EstimateSizeAsync(cancellationToken);
        await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024);
        var prepared = SignatureFieldWriter.Prepare(pdf, input, output, new SignatureFieldRequest
        {
            SigningTime = request.SigningTime ?? DateTimeOffset.Now,
            ContentsLength = contentsLength,
            Reason = request.Reason,
            Location = request.Location,
            Name = request.Name ?? request.Signer.Chain[0].GetNameInfo(X509NameType.SimpleName, false),
            ContactInfo = request.ContactInfo,
            Visible = request.Visible,
        });
        var byteRange = await CmsEmbedder.EmbedAsync(output, prepared, request.Hash, cms.BuildAsync, cancellationToken);
        output.Flush(flushToDisk: true);
        return (prepared, byteRange);
    }
}
