using System.Text;
using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Signatures;

/// <summary>Renders stamped pages of a file with /Rotate 90, 180, 270 and 360 and looks at the pixels.</summary>
public class VisibleStampTests
{
    private const int X = 360, Y = 40, W = 200, H = 80, Marker = 24;

    [Fact]
    public async Task Sign_DrawsStampUprightWhereTheRectangleSays_OnRotatedPages()
    {
        using var temp = new TempDirectory();
        var current = RepoPaths.CorpusFile("habibi-rotated.pdf");
        for (var page = 0; page < 4; page++)
        {
            var next = temp.File($"signed{page + 1}.pdf");
            using var signer = DemoPki.Instance.All[page].Open();
            await TestSigning.SignAsync(current, next, signer, new VisibleSignature
            {
                PageIndex = page, X = X, Y = Y, Width = W, Height = H, Appearance = MarkedAppearance(),
            });
            current = next;
        }

        SignedPdf.AssertPdfSigValid(current, 4);
        SignedPdf.AssertQpdfCheck(current);
        Assert.All(PdfSignatureVerifier.Verify(current, DemoPki.Instance.Trust), r => Assert.True(r.IsValid, r.Summary));
        for (var page = 1; page <= 4; page++)
        {
            var image = GrayImage.Render(current, page, temp.Path, $"stamp-habibi-rotated-page{page}");
            // Pixel rows count from the top; the rectangle counts from the bottom of the page as seen.
            // Rounding up skips the row the 3-point border only partly covers.
            var seenHeight = VisibleHeight(current, page - 1);
            int left = X, right = X + W;
            int top = (int)Math.Ceiling(seenHeight - (Y + H)), bottom = (int)Math.Ceiling(seenHeight - Y) - 1;
            Assert.True(image.DarkShare(left, top + 4, left + 3, bottom - 4) > 0.9, $"page {page}: left border missing");
            Assert.True(image.DarkShare(right - 3, top + 4, right, bottom - 4) > 0.9, $"page {page}: right border missing");
            Assert.True(image.DarkShare(left + 4, top, right - 4, top + 2) > 0.9, $"page {page}: top border missing");
            Assert.True(image.DarkShare(left + 4, bottom - 2, right - 4, bottom) > 0.9, $"page {page}: bottom border missing");
            Assert.True(image.DarkShare(left - 8, top - 8, right + 8, top - 4) < 0.05, $"page {page}: ink above the stamp");
            // The filled marker sits top-left in the upright drawing; any wrong rotation moves it to another corner.
            Assert.True(image.DarkShare(left + 6, top + 6, left + Marker, top + Marker) > 0.9, $"page {page}: stamp not upright");
            Assert.True(image.DarkShare(right - Marker, bottom - Marker, right - 6, bottom - 6) < 0.05, $"page {page}: stamp rotated");
            Assert.True(image.DarkShare(right - Marker, top + 6, right - 6, top + Marker) < 0.05, $"page {page}: stamp rotated");
        }
    }

    private static double VisibleHeight(string path, int index)
    {
        using var file = File.OpenRead(path);
        using var pdf = PdfStructure.Open(file);
        var page = pdf.Pages[index];
        return page.Rotate is 90 or 270 ? page.CropBox.Width : page.CropBox.Height;
    }

    // A border, a filled square in the top-left corner and one line of Helvetica.
    private static StampAppearance MarkedAppearance() => new()
    {
        Content = Encoding.ASCII.GetBytes(
            $"q 0 g 0 G 3 w 1.5 1.5 {W - 3} {H - 3} re S 4 {H - Marker} {Marker - 4} {Marker - 4} re f Q\n" +
            $"BT /F1 10 Tf 30 {H - 20} Td (Ditandatangani secara elektronik) Tj ET\n"),
        Fonts = new Dictionary<string, string> { ["F1"] = "Helvetica" },
    };
}
