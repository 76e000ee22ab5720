using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Ltv;
using Worker.Pdf.Timestamps;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;

namespace Worker.Tests.Pdf.Ltv;

/// <summary>A document timestamp's /Contents is sized by the TSA's tokens, as a signature's timestamp is.</summary>
public sealed class DocumentTimestamperTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task AddAsync_WritesATimestampThatVerifies_WhenTheTokenIsLargerThan8KiB()
    {
        await using var tsa = await TestTimestampServer.StartAsync(certificatePadding: 12 * 1024);

        await StampAsync(tsa);

        Assert.True(SignatureContents.Last(_temp.File("lta.pdf")).Der.Length > 8 * 1024);
        var trust = new X509Certificate2Collection(DemoPki.Instance.Trust) { tsa.Certificates.Ca };
        var results = PdfSignatureVerifier.Verify(_temp.File("lta.pdf"), trust);
        Assert.Equal(2, results.Count);
        Assert.True(results[0].IsValid, results[0].Summary);
        Assert.True(results[1].IsDocumentTimestamp && results[1].IsValid && results[1].CoversWholeFile, results[1].Summary);
        Assert.Matches("Signature #1:(.|\n)*Signature Validation: Signature is Valid", SignedPdf.PdfSig(_temp.File("lta.pdf")));

        TestSigning.FlipByteInFirstRange(_temp.File("lta.pdf"));
        Assert.All(PdfSignatureVerifier.Verify(_temp.File("lta.pdf"), trust), r => Assert.False(r.IsValid));
    }

    [Fact]
    public async Task AddAsync_ReservesLittleMoreThanTheToken_WhenTheTokenIsSmall()
    {
        await using var tsa = await TestTimestampServer.StartAsync();

        await StampAsync(tsa);

        var contents = SignatureContents.Last(_temp.File("lta.pdf"));
        Assert.InRange(contents.Der.Length, 1, 4 * 1024);
        Assert.InRange(contents.Unused, 0, 1024);
    }

    [Fact]
    public async Task AddAsync_FailsNamingTheRoomAndLeavesNoOutput_WhenTheTokenIsLargerThanItsReserve()
    {
        await using var tsa = await TestTimestampServer.StartAsync(certificatePadding: 12 * 1024);
        // As if the TSA had sent 1.5 KB tokens until it changed to a long certificate chain.
        var reserve = new TokenReserve();
        reserve.Record(1_500);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StampAsync(tsa, reserve));

        Assert.Contains("does not fit the reserved /Contents", error.Message);
        Assert.False(File.Exists(_temp.File("lta.pdf")));
    }

    /// <summary>Signs the corpus letter into signed.pdf, then adds a document timestamp from <paramref name="tsa"/> into lta.pdf.</summary>
    private async Task StampAsync(TestTimestampServer tsa, TokenReserve? reserve = null)
    {
        await TestSigning.SignCorpusAsync("minimal-document.pdf", _temp.File("signed.pdf"));
        await DocumentTimestamper.AddAsync(_temp.File("signed.pdf"), _temp.File("lta.pdf"),
            new HttpTimeStamper(_http, tsa.Url, TimeSpan.FromSeconds(10), reserve), CancellationToken.None);
    }
}
