using Worker.Pdf.Timestamps;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Pades;

/// <summary>The room a signature reserves for its timestamp token follows the token the TSA sends, small or large.</summary>
public sealed class PdfSignerTimestampReserveTests : IDisposable
{
    // Makes the test TSA's tokens about 13 KB, well past the 8 KiB once reserved for any token.
    private const int LargePadding = 12 * 1024;

    private readonly HttpClient _http = new();
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task SignAsync_SignsAndBothVerifiersAccept_WhenTheTsaTokenIsLargerThan8KiB()
    {
        await using var tsa = await TestTimestampServer.StartAsync(certificatePadding: LargePadding);

        await SignAsync(new HttpTimeStamper(_http, tsa.Url, TimeSpan.FromSeconds(10)), "signed.pdf");

        Assert.True(SignatureContents.Last(_temp.File("signed.pdf")).SignatureTimestampLength() > 8 * 1024);
        var result = PdfSignatureVerifier.Verify(_temp.File("signed.pdf"), DemoPki.Instance.Trust).Single();
        Assert.True(result.IsValid, result.Summary);
        Assert.True(result.TimestampValid);
        SignedPdf.AssertPdfSigValid(_temp.File("signed.pdf"), 1);
        SignedPdf.AssertOpenSslVerifies(_temp.File("signed.pdf"), _temp.Path);

        TestSigning.FlipByteInFirstRange(_temp.File("signed.pdf"));
        Assert.False(PdfSignatureVerifier.Verify(_temp.File("signed.pdf"), DemoPki.Instance.Trust).Single().IsValid);
    }

    [Fact]
    public async Task SignAsync_ReservesLittleMoreThanTheSignatureNeeds_WhenTheTsaTokenIsSmall()
    {
        await using var tsa = await TestTimestampServer.StartAsync();

        await SignAsync(new HttpTimeStamper(_http, tsa.Url, TimeSpan.FromSeconds(10)), "signed.pdf");

        var contents = SignatureContents.Last(_temp.File("signed.pdf"));
        Assert.InRange(contents.SignatureTimestampLength(), 1, 4 * 1024);
        Assert.InRange(contents.Unused, 0, 1024);
    }

    [Fact]
    public async Task SignAsync_FailsNamingTheRoomAndLeavesNoFile_WhenTheTokenIsLargerThanItsReserve()
    {
        await using var tsa = await TestTimestampServer.StartAsync(certificatePadding: LargePadding);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SignAsync(StamperThatKnewSmallTokens(tsa), "signed.pdf"));

        Assert.Contains("does not fit the reserved /Contents", error.Message);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task SignAsync_MakesRoomForTheLargerToken_OnTheAttemptAfterOneThatDidNotFit()
    {
        await using var tsa = await TestTimestampServer.StartAsync(certificatePadding: LargePadding);
        var stamper = StamperThatKnewSmallTokens(tsa);
        await Assert.ThrowsAsync<InvalidOperationException>(() => SignAsync(stamper, "signed.pdf"));

        await SignAsync(stamper, "signed.pdf");

        var result = PdfSignatureVerifier.Verify(_temp.File("signed.pdf"), DemoPki.Instance.Trust).Single();
        Assert.True(result.IsValid, result.Summary);
        Assert.True(result.TimestampValid);
    }

    // As if the TSA had sent 1.5 KB tokens until it changed to a long certificate chain.
    private HttpTimeStamper StamperThatKnewSmallTokens(TestTimestampServer tsa)
    {
        var reserve = new TokenReserve();
        reserve.Record(1_500);
        return new HttpTimeStamper(_http, tsa.Url, TimeSpan.FromSeconds(10), reserve);
    }

    private async Task SignAsync(ITimeStamper stamper, string name)
    {
        using var signer = DemoPki.Instance.Rsa.Open();
        await TestSigning.SignAsync(RepoPaths.CorpusFile("minimal-document.pdf"), _temp.File(name), signer, timestamp: stamper);
    }
}
