using System.Globalization;
using System.Text.RegularExpressions;
using Worker.Pdf.Stamp;

namespace Worker.Tests.Pdf.Stamp;

public sealed partial class StampPainterTests : IDisposable
{
    private const double Width = 200;
    private const double Height = 80;
    private const string VerifyUrl = "http://127.0.0.1:5080/verify/3f2a9c4e1b7d4e8a9f005c6d7e8f9a0b";

    private readonly string _directory = Directory.CreateTempSubdirectory("stamp-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static StampContent Content(string name = "Demo Signer", string position = "Kepala Dinas") => new()
    {
        SignerName = name,
        Position = position,
        // 06:05 UTC is 14:05 in Makassar (UTC+8, no daylight saving).
        SignedAt = new DateTimeOffset(2026, 11, 27, 6, 5, 0, TimeSpan.Zero),
        Reason = "Persetujuan surat keluar",
        VerifyUrl = VerifyUrl,
    };

    private string WritePdf(StampContent content, double width = Width, double height = Height)
    {
        var path = Path.Combine(_directory, "stamp.pdf");
        OnePagePdf.Write(path, StampPainter.Draw(content, width, height), width, height);
        return path;
    }

    [Fact]
    public void Draw_ProducesAPageQpdfAccepts_WhenWrappedAsPageContents()
    {
        var pdf = WritePdf(Content());

        var output = ExternalTool.RunOk("qpdf", "--check", pdf);

        Assert.Contains("No syntax or stream encoding errors found", output);
    }

    [Fact]
    public void Draw_ShowsHeadingNamePositionWitaTimeAndReason_WhenExtractedAsText()
    {
        var text = ExternalTool.RunOk("pdftotext", "-enc", "UTF-8", WritePdf(Content()), "-");

        Assert.Contains("Ditandatangani secara elektronik", text);
        Assert.Contains("Demo Signer", text);
        Assert.Contains("Kepala Dinas", text);
        Assert.Contains("27-11-2026 14:05 WITA", text);
        Assert.Contains("Persetujuan surat keluar", text);
    }

    [Theory]
    [InlineData(200, 80)]
    [InlineData(150, 60)]
    [InlineData(300, 120)]
    public void Draw_DrawsAQrCodeThatDecodesToTheVerifyUrl_WhenRendered(double width, double height)
    {
        var pdf = WritePdf(Content(), width, height);
        var prefix = Path.Combine(_directory, "stamp");

        ExternalTool.RunOk("pdftoppm", "-png", "-r", "200", "-singlefile", pdf, prefix);
        var decoded = ExternalTool.RunOk("zbarimg", "--raw", "-q", prefix + ".png");

        Assert.Equal(VerifyUrl, decoded.Trim());
    }

    [Theory]
    [InlineData(200, 80)]
    [InlineData(120, 45)]
    [InlineData(320, 60)]
    [InlineData(90, 160)]
    public void Draw_KeepsEveryWordInsideTheBoxAndRightOfTheQrCode_WhenTheTextIsFarTooLong(double width, double height)
    {
        var name = "Prof. Dr. Ir. Hj. Andi Muhammad Sulaiman Abdurrahman Wahid Syarifuddin Daeng Mattola, S.H., M.Hum.";
        var position = "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Provinsi Sulawesi Barat";
        var pdf = WritePdf(Content(name, position) with { Reason = string.Concat(Enumerable.Repeat("Persetujuan ", 20)) }, width, height);

        var words = Words(ExternalTool.RunOk("pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-"));

        Assert.Contains(words, word => word.Text == "Prof.");
        Assert.Contains(words, word => word.Text.EndsWith('…'));
        var qrRight = Math.Min(height, width * 0.45);
        Assert.All(words, word =>
        {
            Assert.InRange(word.XMin, qrRight, width);
            Assert.InRange(word.XMax, qrRight, width);
            Assert.InRange(word.YMin, 0, height);
            Assert.InRange(word.YMax, 0, height);
        });
    }

    [Fact]
    public void Draw_ShrinksTheTextInsteadOfCuttingIt_WhenTheNameIsSlightlyTooLong()
    {
        var name = "Andi Ma’ruf O'Neil, S.H., M.Si.";
        var drawing = StampPainter.Draw(Content(name), Width, Height);
        var path = Path.Combine(_directory, "stamp.pdf");
        OnePagePdf.Write(path, drawing, Width, Height);

        var text = ExternalTool.RunOk("pdftotext", "-enc", "UTF-8", path, "-");

        Assert.Contains(name, text);
        Assert.DoesNotContain("…", text);
        Assert.DoesNotContain("/F2 9 Tf", System.Text.Encoding.ASCII.GetString(drawing.Content));
    }

    [Fact]
    public void Draw_KeepsApostrophesAccentsAndParentheses_WhenNamesUseThem()
    {
        var content = Content("José Ma’ruf O'Neil Núñez", @"Plt. (Kepala) Bidang \ Müller") with { Reason = "Çà et là" };

        var text = ExternalTool.RunOk("pdftotext", "-enc", "UTF-8", WritePdf(content), "-");

        Assert.Contains("José Ma’ruf O'Neil Núñez", text);
        Assert.Contains(@"Plt. (Kepala) Bidang \ Müller", text);
        Assert.Contains("Çà et là", text);
    }

    [Fact]
    public void Draw_WritesQuestionMarks_WhenCharactersAreOutsideWinAnsi()
    {
        var text = ExternalTool.RunOk("pdftotext", "-enc", "UTF-8", WritePdf(Content("Nguyễn 王")), "-");

        Assert.Contains("Nguy?n ?", text);
    }

    [Fact]
    public void Draw_LeavesOutTheReasonLine_WhenReasonIsBlank()
    {
        var withReason = StampPainter.Draw(Content(), Width, Height);
        var withoutReason = StampPainter.Draw(Content() with { Reason = " " }, Width, Height);

        Assert.Equal(5, TextShows(withReason));
        Assert.Equal(4, TextShows(withoutReason));
    }

    [Fact]
    public void Draw_UsesTheGivenHeading_WhenOneIsSet()
    {
        var text = ExternalTool.RunOk("pdftotext", "-enc", "UTF-8", WritePdf(Content() with { Heading = "Signed electronically" }), "-");

        Assert.Contains("Signed electronically", text);
        Assert.DoesNotContain(StampContent.DefaultHeading, text);
    }

    [Fact]
    public void Draw_KeepsTheStreamSmallAndAscii_WhenDrawingTheDefaultStamp()
    {
        var drawing = StampPainter.Draw(Content(), Width, Height);

        Assert.InRange(drawing.Content.Length, 1, 8 * 1024);
        Assert.All(drawing.Content, b => Assert.InRange(b, (byte)0x0A, (byte)0x7E));
    }

    [Fact]
    public void Draw_NamesStandardHelveticaFonts_WhenReturningResources()
    {
        var drawing = StampPainter.Draw(Content(), Width, Height);

        Assert.Equal("Helvetica", drawing.Fonts["F1"]);
        Assert.Equal("Helvetica-Bold", drawing.Fonts["F2"]);
    }

    [Theory]
    [InlineData(0, 80)]
    [InlineData(200, -1)]
    [InlineData(double.NaN, 80)]
    [InlineData(200, double.PositiveInfinity)]
    public void Draw_Throws_WhenTheBoxSizeIsNotPositive(double width, double height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StampPainter.Draw(Content(), width, height));
    }

    private static int TextShows(StampDrawing drawing) =>
        Regex.Matches(System.Text.Encoding.ASCII.GetString(drawing.Content), @"\) Tj").Count;

    private static List<(string Text, double XMin, double YMin, double XMax, double YMax)> Words(string html) =>
        WordPattern().Matches(html).Select(m => (
            System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value),
            double.Parse(m.Groups["x1"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["x2"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["y2"].Value, CultureInfo.InvariantCulture))).ToList();

    [GeneratedRegex("""<word xMin="(?<x1>[-\d.]+)" yMin="(?<y1>[-\d.]+)" xMax="(?<x2>[-\d.]+)" yMax="(?<y2>[-\d.]+)">(?<text>[^<]*)</word>""")]
    private static partial Regex WordPattern();
}
