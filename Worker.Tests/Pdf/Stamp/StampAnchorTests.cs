using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Worker.Pdf.Reading;
using Worker.Pdf.Stamp;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Stamp;

/// <summary>A stamp placed at the anchor the clerk typed in the signature block, and what happens when there is none.</summary>
public sealed partial class StampAnchorTests : IDisposable
{
    private const double PageWidth = 595;
    private const double PageHeight = 842;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // A letter's signature block; the writer split the anchor over two text runs in two fonts, as word processors do.
    private string Letter()
    {
        var path = _temp.File("letter.pdf");
        var content = Encoding.ASCII.GetBytes(
            "BT /F1 12 Tf 1 0 0 1 100 320 Tm (Kepala Dinas Kominfo) Tj ET\n" +
            "BT /F1 12 Tf 1 0 0 1 120 280 Tm (#tt) Tj /F2 12 Tf (d#) Tj ET\n" +
            "BT /F1 12 Tf 1 0 0 1 100 240 Tm (Andi Mappasessu) Tj ET\n");
        OnePagePdf.Write(path, new StampDrawing(content, new Dictionary<string, string> { ["F1"] = "Helvetica", ["F2"] = "Helvetica-Bold" }, PageWidth, PageHeight), PageWidth, PageHeight);
        return path;
    }

    [Fact]
    public async Task Create_PutsTheStampOverTheAnchor_WhenTheAnchorIsSplitAcrossTextRuns()
    {
        var input = Letter();
        var anchor = AnchorBox(input);
        var output = _temp.File("signed.pdf");

        var layout = StampedSignature.Create(StampVisibilityTests.Content(), StampVisibilityTests.Fixed() with { Anchor = "#ttd#" }, input);
        using (var rsa = DemoPki.Instance.Rsa.Open())
            await TestSigning.SignAsync(input, output, rsa, layout.Visible);

        Assert.Null(layout.Note);
        var rect = Assert.Single(StampRendering.SignatureRects(output, 0));
        Assert.True(rect.Left <= anchor.Left && rect.Right >= anchor.Right && rect.Bottom <= anchor.Bottom && rect.Top >= anchor.Top,
            $"stamp {rect} does not cover the anchor {anchor}");
        // The anchor is still in the page's text, exactly where it was: under the stamp's opaque box, not moved or removed.
        Assert.Equal(anchor, AnchorBox(output));
        var (poppler, mupdf) = StampRendering.Render(output, 1, _temp.Path);
        var inner = new PdfBox(rect.Left + 2, rect.Bottom + 2, rect.Right - 2, rect.Top - 2);
        Assert.True(StampRendering.DarkShare(poppler, inner) > 0.08);
        Assert.True(StampRendering.DarkShare(mupdf, inner) > 0.08);
        SignedPdf.AssertPdfSigValid(output, 1);
    }

    [Fact]
    public async Task Create_UsesTheFixedPositionAndSaysWhy_WhenTheAnchorIsNotInTheText()
    {
        var input = Letter();
        var output = _temp.File("signed.pdf");

        var layout = StampedSignature.Create(StampVisibilityTests.Content(), StampVisibilityTests.Fixed() with { Anchor = "${ttd}" }, input);
        using (var rsa = DemoPki.Instance.Rsa.Open())
            await TestSigning.SignAsync(input, output, rsa, layout.Visible);

        Assert.Contains("anchor '${ttd}' not found", layout.Note);
        var rect = Assert.Single(StampRendering.SignatureRects(output, 0));
        Assert.Equal((360.0, 40.0, 200.0), (rect.Left, rect.Bottom, rect.Width));
    }

    [Fact]
    public void Create_StacksAFurtherSignersStampAboveTheFirst_WhenBothUseTheAnchor()
    {
        var input = Letter();
        var placement = StampVisibilityTests.Fixed() with { Anchor = "#ttd#" };

        var first = StampedSignature.Create(StampVisibilityTests.Content(), placement, input).Visible;
        var second = StampedSignature.Create(StampVisibilityTests.Content(), placement with { Stacked = 1 }, input).Visible;

        Assert.True(second.Y >= first.Y + first.Height, $"{second.Y} overlaps {first.Y}+{first.Height}");
    }

    // The anchor's box from pdftotext -bbox, turned to points from the page's bottom-left.
    private static PdfBox AnchorBox(string pdf)
    {
        var html = ExternalTool.RunOk("pdftotext", "-bbox", pdf, "-");
        var m = AnchorWord().Match(html);
        Assert.True(m.Success, "pdftotext finds no #ttd# word");
        double N(string g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return new PdfBox(N("x1"), PageHeight - N("y2"), N("x2"), PageHeight - N("y1"));
    }

    [GeneratedRegex("""<word xMin="(?<x1>[-\d.]+)" yMin="(?<y1>[-\d.]+)" xMax="(?<x2>[-\d.]+)" yMax="(?<y2>[-\d.]+)">#ttd#</word>""")]
    private static partial Regex AnchorWord();
}
