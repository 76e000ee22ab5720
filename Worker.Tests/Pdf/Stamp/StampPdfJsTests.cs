using Worker.Pdf.Reading;
using Worker.Pdf.Stamp;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Stamp;

/// <summary>The stamp as pdf.js (Firefox's viewer) draws it, on the corpus files the poppler and mupdf checks sign.</summary>
public sealed class StampPdfJsTests(PdfJsRenderer pdfjs) : IClassFixture<PdfJsRenderer>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(StampVisibilityTests.Signable), MemberType = typeof(StampVisibilityTests))]
    public async Task Sign_ShowsTheStampAndFootnoteInPdfJs_OnEveryCorpusFile(string name)
    {
        var input = RepoPaths.CorpusFile(name);
        var output = _temp.File("signed.pdf");
        var layout = StampedSignature.Create(StampVisibilityTests.Content(), StampVisibilityTests.Fixed(), input);
        using (var rsa = DemoPki.Instance.Rsa.Open())
            await TestSigning.SignAsync(input, output, rsa, layout.Visible);

        var (pageNumber, width, height) = StampVisibilityTests.LastPage(input);
        var stamp = StampVisibilityTests.VisibleBox(layout.Visible.X, layout.Visible.Y, layout.Visible.Width, layout.Visible.Height, width, height);
        var foot = layout.Visible.Footnote!;
        var footBox = StampVisibilityTests.VisibleBox(foot.X, foot.Y, foot.Width, foot.Height, width, height);
        var file = Path.GetFileNameWithoutExtension(name);
        var signed = await pdfjs.RenderAsync(output, pageNumber, 1, Path.Combine(RepoPaths.Artifacts, $"pdfjs-{file}.png"));
        var before = await pdfjs.RenderAsync(input, pageNumber, 1, _temp.File("before.png"));
        var who = $"pdf.js {pdfjs.Version} on {name}";

        Assert.True((signed.Width, signed.Height) == (before.Width, before.Height), $"{who}: the signed page is {signed.Width}x{signed.Height}, the original {before.Width}x{before.Height}");
        Assert.True(Math.Abs(signed.Width - width) <= 1 && Math.Abs(signed.Height - height) <= 1, $"{who}: page drawn {signed.Width}x{signed.Height}, expected {width}x{height}");
        // The QR code alone covers about a fifth of the box in black; what was there before must have changed.
        Assert.True(StampRendering.DarkShare(signed, stamp) > 0.08, $"{who}: no stamp drawn at {stamp}");
        Assert.True(Changed(signed, before, stamp) > 0.05, $"{who}: the stamp's box at {stamp} looks as it did before signing");
        Assert.True(Changed(signed, before, footBox) > 0.01, $"{who}: no footnote drawn at {footBox}");

        // Drawn at 150 dpi, the QR code decodes to the verify link: the modules are whole, not just some dark pixels.
        var qr = _temp.File("qr.png");
        await pdfjs.RenderAsync(output, pageNumber, 150.0 / 72, qr);
        var decoded = ExternalTool.Run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", qr).Stdout;
        Assert.True(decoded.Contains(StampVisibilityTests.VerifyUrl), $"{who}: the QR code does not decode (zbarimg read '{decoded.Trim()}')");
    }

    // The corpus's rotated file ends on a /Rotate 360 page: its pages 1 to 3 (90, 180, 270) are the turned ones.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Sign_ShowsTheStampUprightInPdfJs_OnARotatedPage(int index)
    {
        var input = RepoPaths.CorpusFile("habibi-rotated.pdf");
        var output = _temp.File("signed.pdf");
        var layout = StampedSignature.Create(StampVisibilityTests.Content(), StampVisibilityTests.Fixed() with { PageIndex = index }, input);
        using (var rsa = DemoPki.Instance.Rsa.Open())
            await TestSigning.SignAsync(input, output, rsa, layout.Visible);

        var (width, height) = VisiblePageSize(input, index);
        var v = layout.Visible;
        var stamp = StampVisibilityTests.VisibleBox(v.X, v.Y, v.Width, v.Height, width, height);
        var signed = await pdfjs.RenderAsync(output, index + 1, 1, Path.Combine(RepoPaths.Artifacts, $"pdfjs-habibi-rotated-page{index + 1}.png"));
        var who = $"pdf.js {pdfjs.Version} on page {index + 1} of habibi-rotated.pdf";

        Assert.True(Math.Abs(signed.Width - width) <= 1 && Math.Abs(signed.Height - height) <= 1, $"{who}: page drawn {signed.Width}x{signed.Height}, expected {width}x{height}");
        Assert.True(StampRendering.DarkShare(signed, stamp) > 0.08, $"{who}: no stamp drawn at {stamp}");
        // Upright, the QR code is on the left and the text on the right: a turned stamp puts the dense half elsewhere.
        var middle = (stamp.Left + stamp.Right) / 2;
        var left = StampRendering.DarkShare(signed, stamp with { Right = middle });
        var right = StampRendering.DarkShare(signed, stamp with { Left = middle });
        Assert.True(left > 2 * right, $"{who}: the stamp is not upright (dark share {left:F2} on the left, {right:F2} on the right)");
        var qr = _temp.File("qr.png");
        await pdfjs.RenderAsync(output, index + 1, 150.0 / 72, qr);
        Assert.Contains(StampVisibilityTests.VerifyUrl, ExternalTool.Run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", qr).Stdout);
    }

    private static (double Width, double Height) VisiblePageSize(string pdf, int index)
    {
        using var file = File.OpenRead(pdf);
        using var structure = PdfStructure.Open(file);
        var page = structure.Pages[index];
        Assert.True(page.Rotate is 90 or 180 or 270, $"page {index + 1} of {pdf} is not turned (/Rotate {page.Rotate})");
        var (w, h) = (page.CropBox.Width, page.CropBox.Height);
        return page.Rotate is 90 or 270 ? (h, w) : (w, h);
    }

    private static double Changed(GrayImage after, GrayImage before, PdfBox box) =>
        after.ChangedShare(before, (int)box.Left, after.Height - (int)box.Top, (int)box.Right, after.Height - (int)box.Bottom);
}
