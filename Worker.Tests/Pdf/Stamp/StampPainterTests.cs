using System.Globalization;
using System.Text.RegularExpressions;
using Worker.Pdf.Stamp;
using Worker.Tests.Pdf.Support;

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
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"), TimeZoneLabel = "WITA",
        Reason = "Persetujuan surat keluar",
        VerifyUrl = VerifyUrl,
    };

    private string WritePdf(StampContent content, double width = Width, double height = Height)
    {
        var path = Path.Combine(_directory, "stamp.pdf");
        var drawing = StampPainter.Draw(content, width, height);
        OnePagePdf.Write(path, drawing, drawing.Width, drawing.Height);
        return path;
    }

    private static string Text(string pdf) => StampRendering.Flat(ExternalTool.RunOk("pdftotext", "-enc", "UTF-8", pdf, "-"));

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
        var text = Text(WritePdf(Content()));

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
    [InlineData(150, 70)]
    [InlineData(320, 60)]
    [InlineData(120, 160)]
    public void Draw_KeepsEveryWordWholeInsideTheBoxAndRightOfTheQrCode_WhenNameAndPositionAreLong(double width, double height)
    {
        var content = Content(StampVisibilityTests.LongName, StampVisibilityTests.LongPosition) with { Nip = "19700101 199503 1 001", Rank = "Pembina (IV/a)" };
        var drawing = StampPainter.Draw(content, width, height);
        var pdf = Path.Combine(_directory, "stamp.pdf");
        OnePagePdf.Write(pdf, drawing, drawing.Width, drawing.Height);

        var text = Text(pdf);
        var words = Words(ExternalTool.RunOk("pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-"));

        Assert.Contains(StampVisibilityTests.LongName, text);
        Assert.Contains(StampVisibilityTests.LongPosition, text);
        Assert.DoesNotContain("…", text);
        Assert.InRange(drawing.Height, height, height * StampPainter.MaxGrowth);
        var qrRight = Math.Min(height, width * 0.45);
        Assert.All(words, word =>
        {
            Assert.InRange(word.XMin, qrRight, width);
            Assert.InRange(word.XMax, qrRight, width);
            Assert.InRange(word.YMin, 0, drawing.Height);
            Assert.InRange(word.YMax, 0, drawing.Height);
        });
    }

    [Theory]
    [InlineData(200, 80)]
    [InlineData(150, 60)]
    public void Draw_NeverWritesTextBelowTheLegibleMinimum_WhenTheTextIsLong(double width, double height)
    {
        var content = Content(StampVisibilityTests.LongName, StampVisibilityTests.LongPosition) with { Office = "Pemerintah Provinsi Sulawesi Barat" };

        var sizes = TfSizes(StampPainter.Draw(content, width, height));

        Assert.NotEmpty(sizes);
        Assert.All(sizes, size => Assert.True(size >= StampPainter.MinFontSize - 0.001, $"{size} pt"));
    }

    [Fact]
    public void Draw_GrowsTheBoxRatherThanCutting_WhenTheTextDoesNotFitAtTheSmallestSize()
    {
        var content = Content(StampVisibilityTests.LongName, StampVisibilityTests.LongPosition) with
        {
            Office = "Pemerintah Provinsi Sulawesi Barat", Rank = "Pembina Utama Muda (IV/c)", Nip = "19700101 199503 1 001",
        };

        var drawing = StampPainter.Draw(content, 200, 60);

        Assert.InRange(drawing.Height, 60.001, 120);
        Assert.Equal(200, drawing.Width);
    }

    [Fact]
    public void Draw_RefusesWithOneLineInIndonesianThenEnglish_WhenTheTextCannotFitEvenInTheGrownBox()
    {
        var content = Content() with { Reason = string.Concat(Enumerable.Repeat("Persetujuan surat keluar ", 40)) };

        var refusal = Assert.Throws<Worker.Pdf.PdfRefusedException>(() => StampPainter.Draw(content, 200, 80));

        Assert.StartsWith("stempel tidak muat", refusal.Message);
        Assert.Contains(" / the stamp does not fit", refusal.Message);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    [Fact]
    public void Draw_ShowsTheConventionsLinesInOrder_WhenRankNipAndOfficeAreSet()
    {
        var content = Content("Andi Mappasessu", "Plh. Kepala Dinas") with { Office = "Dinas Kominfo", Rank = "Pembina (IV/a)", Nip = "19800101 200501 1 002", Reason = null };

        var text = Text(WritePdf(content));

        var order = new[] { "Ditandatangani secara elektronik oleh:", "Plh. Kepala Dinas", "Dinas Kominfo", "Andi Mappasessu", "Pembina (IV/a)", "NIP. 19800101 200501 1 002", "27-11-2026 14:05 WITA" }
            .Select(line => text.IndexOf(line, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Draw_WrapsTheTextInsteadOfCuttingIt_WhenTheNameIsSlightlyTooLong()
    {
        var name = "Andi Ma’ruf O'Neil, S.H., M.Si.";
        var drawing = StampPainter.Draw(Content(name), Width, Height);
        var path = Path.Combine(_directory, "stamp.pdf");
        OnePagePdf.Write(path, drawing, Width, Height);

        var text = Text(path);

        Assert.Contains(name, text);
        Assert.DoesNotContain("…", text);
    }

    [Fact]
    public void Draw_KeepsApostrophesAccentsAndParentheses_WhenNamesUseThem()
    {
        var content = Content("José Ma’ruf O'Neil Núñez", @"Plt. (Kepala) Bidang \ Müller") with { Reason = "Çà et là" };

        var text = Text(WritePdf(content));

        Assert.Contains("José Ma’ruf O'Neil Núñez", text);
        Assert.Contains(@"Plt. (Kepala) Bidang \ Müller", text);
        Assert.Contains("Çà et là", text);
    }

    [Fact]
    public void Draw_WritesQuestionMarks_WhenCharactersAreOutsideWinAnsi()
    {
        var text = Text(WritePdf(Content("Nguyễn 王")));

        Assert.Contains("Nguy?n ?", text);
    }

    [Fact]
    public void Draw_LeavesOutTheReasonLine_WhenReasonIsBlank()
    {
        var withReason = StampPainter.Draw(Content(), Width, Height);
        var withoutReason = StampPainter.Draw(Content() with { Reason = " " }, Width, Height);

        Assert.Equal(TextShows(withoutReason) + 1, TextShows(withReason));
    }

    [Fact]
    public void Draw_UsesTheGivenHeading_WhenOneIsSet()
    {
        var text = Text(WritePdf(Content() with { Heading = "Signed electronically" }));

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

    private static List<double> TfSizes(StampDrawing drawing) =>
        [.. Regex.Matches(System.Text.Encoding.ASCII.GetString(drawing.Content), @"/F\d ([\d.]+) Tf").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

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
