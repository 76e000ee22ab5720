using Worker.Pdf.Stamp;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Stamp;

public class StampedSignatureTests
{
    private static readonly StampContent Content = new()
    {
        SignerName = "Andi Mappasessu'",
        Position = "Kepala Dinas",
        SignedAt = new DateTimeOffset(2026, 11, 27, 6, 5, 0, TimeSpan.Zero),
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"), TimeZoneLabel = "WITA",
        Reason = "Setuju",
        VerifyUrl = "http://127.0.0.1:5080/verify/42",
    };

    [Fact]
    public void Create_CarriesThePaintersDrawingAndTheRectangle()
    {
        var visible = StampedSignature.Create(Content, 2, 360, 40, 200, 80);
        var drawing = StampPainter.Draw(Content, 200, 80);

        Assert.Equal((2, 360.0, 40.0, 200.0, 80.0), (visible.PageIndex, visible.X, visible.Y, visible.Width, visible.Height));
        Assert.Equal(drawing.Content, visible.Appearance.Content);
        Assert.Equal(drawing.Fonts, visible.Appearance.Fonts);
    }

    [Fact]
    public async Task Create_GivesAStampThatSignsValidly_WithTheNameAsText()
    {
        using var temp = new TempDirectory();
        var output = temp.File("stamped.pdf");
        using var signer = DemoPki.Instance.Rsa.Open();

        await TestSigning.SignAsync(RepoPaths.CorpusFile("minimal-document.pdf"), output, signer, StampedSignature.Create(Content, null, 360, 40, 200, 80));

        SignedPdf.AssertPdfSigValid(output, 1);
        SignedPdf.AssertQpdfCheck(output);
        Assert.All(PdfSignatureVerifier.Verify(output, DemoPki.Instance.Trust), r => Assert.True(r.IsValid, r.Summary));
        // pdftotext skips annotation appearances, so look for the drawn name in the appended revision's form stream.
        Assert.Contains("Andi Mappasessu", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(output)));
    }
}
