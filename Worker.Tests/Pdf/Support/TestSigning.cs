using System.Security.Cryptography;
using Worker.Pdf.Keys;
using Worker.Pdf.Pades;
using Worker.Pdf.Signatures;
using Worker.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Support;

/// <summary>Signs with the demo PKI, verifying against its CA like the worker does.</summary>
public static class TestSigning
{
    public static async Task<PdfSignResult> SignAsync(string input, string output, IDigestSigner signer,
        VisibleSignature? visible = null, HashAlgorithmName? hash = null,
        ITimeStamper? timestamp = null)
    {
        return await PdfSigner.SignAsync(new PdfSignRequest
        {
            InputPath = input,
            OutputPath = output,
            Signer = signer,
            Hash = hash ?? HashAlgorithmName.SHA256,
            Reason = "Setuju",
            Location = "Mamuju",
            ContactInfo = "tte@example.go.id",
            Visible = visible,
            TimeStamper = timestamp,
            TrustAnchors = DemoPki.Instance.Trust,
        });
    }

    /// <summary>Signs a corpus file with the demo RSA key into <paramref name="output"/>.</summary>
    public static async Task<PdfSignResult> SignCorpusAsync(string corpusName, string output)
    {
        using var rsa = DemoPki.Instance.Rsa.Open();
        return await SignAsync(RepoPaths.CorpusFile(corpusName), output, rsa);
    }

    /// <summary>Flips one byte inside the first signed range, in a stream's data so the file still parses.</summary>
    public static void FlipByteInFirstRange(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var firstRangeEnd = SignedPdf.ByteRanges(bytes)[0][1];
        var text = System.Text.Encoding.Latin1.GetString(bytes, 0, (int)firstRangeEnd);
        var stream = text.IndexOf("stream", StringComparison.Ordinal);
        var offset = stream > 0 && stream + 40 < firstRangeEnd ? stream + 30 : (int)firstRangeEnd / 2;
        bytes[offset] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }
}
