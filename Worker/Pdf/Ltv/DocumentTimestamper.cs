using System.Security.Cryptography;
using Worker.Pdf.Pades;
using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;
using Worker.Pdf.Timestamps;

namespace Worker.Pdf.Ltv;

/// <summary>
/// Appends a document timestamp (PAdES B-LTA, ISO 32000-2 12.8.5): an invisible field whose /Contents is an
/// RFC 3161 token over the SHA-256 of everything before it, DSS included, as one more incremental update.
/// </summary>
public static class DocumentTimestamper
{
    /// <summary>
    /// Writes <paramref name="input"/> plus the timestamp revision to <paramref name="output"/> (which must not exist), with
    /// room for the token as <paramref name="timeStamper"/> sizes it; on failure no output is left.
    /// </summary>
    public static async Task AddAsync(string input, string output, ITimeStamper timeStamper, CancellationToken cancellationToken)
    {
        var tokenRoom = await timeStamper.TokenReserveAsync(cancellationToken);
        await using var source = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var pdf = PdfStructure.Open(source);
        var target = new FileStream(output, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        try
        {
            await using (target)
            {
                var prepared = SignatureFieldWriter.Prepare(pdf, source, target, new SignatureFieldRequest
                {
                    SigningTime = DateTimeOffset.UtcNow,
                    ContentsLength = tokenRoom,
                    DocumentTimestamp = true,
                });
                await CmsEmbedder.EmbedAsync(target, prepared, HashAlgorithmName.SHA256, timeStamper.GetTokenForDigestAsync, cancellationToken);
                target.Flush(flushToDisk: true);
            }
        }
        catch
        {
            File.Delete(output);
            throw;
        }
    }
}
