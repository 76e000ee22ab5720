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
    // A token with the TSA's chain is a few kilobytes; 20 KB leaves room for long chains.
    private const int TokenRoom = 20 * 1024;

    /// <summary>Writes <paramref name="input"/> plus the timestamp revision to <paramref name="output"/> (which must not exist).</summary>
    public static async Task AddAsync(string input, string output, ITimeStamper timeStamper, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var pdf = PdfStructure.Open(source);
        await using var target = new FileStream(output, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var prepared = SignatureFieldWriter.Prepare(pdf, source, target, new SignatureFieldRequest
        {
            SigningTime = DateTimeOffset.UtcNow,
            ContentsLength = TokenRoom,
            DocumentTimestamp = true,
        });
        await CmsEmbedder.EmbedAsync(target, prepared, HashAlgorithmName.SHA256, timeStamper.GetTokenForDigestAsync, cancellationToken);
        target.Flush(flushToDisk: true);
    }
}
