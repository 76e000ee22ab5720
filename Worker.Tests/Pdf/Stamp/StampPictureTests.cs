using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Tokens;
using Worker.Configuration;
using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;
using Worker.Pdf.Stamp;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Stamp;

/// <summary>
/// The stamp for a service that draws a picture (BSrE): our stamp alone on a page of its size, judged by poppler; and the
/// footnote as a revision of ours before that service signs.
/// </summary>
public sealed partial class StampPictureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (StampPicture? Picture, VisibleSignature Visible) Picture(string input, StampContent content, int? pageIndex = null)
    {
        var visible = StampedSignature.Create(content, StampVisibilityTests.Fixed() with { PageIndex = pageIndex }, input).Visible;
        using var file = File.OpenRead(input);
        using var pdf = PdfStructure.Open(file);
        return (StampPicture.For(pdf, visible), visible);
    }

    [Fact]
    public void For_GivesAPageOfTheStampsGrownSize_HoldingTheLongNameAndPositionWhole_AtTheFixedPosition()
    {
        var input = RepoPaths.CorpusFile("pdflatex-4-pages.pdf");
        var content = StampVisibilityTests.Content() with { Position = "a.n. " + StampVisibilityTests.LongPosition };

        var (picture, visible) = Picture(input, content);

        Assert.NotNull(picture);
        Assert.Equal(4, picture.PageNumber);
        Assert.True(visible.Height > 80, $"the long text should grow the stamp, got {visible.Height}");
        Assert.Equal((360.0, 40.0, 200.0), (picture.Rect.Left, picture.Rect.Bottom, picture.Rect.Width));
        Assert.InRange(picture.Rect.Height - visible.Height, -0.01, 0.01);
        var path = _temp.File("stamp.pdf");
        File.WriteAllBytes(path, picture.Pdf);
        var (width, height, rotation) = PageOf(path);
        Assert.Equal((200.0, 0), (width, rotation));
        Assert.InRange(height - visible.Height, -0.01, 0.01);
        var text = StampRendering.Flat(ExternalTool.RunOk("pdftotext", path, "-"));
        Assert.Contains(StampVisibilityTests.LongName, text);
        Assert.Contains("a.n. " + StampVisibilityTests.LongPosition, text);
        Assert.Contains(StampContent.DefaultHeading, text);
        Assert.Contains("NIP. 19700101 199503 1 001", text);
        var png = _temp.File("stamp");
        ExternalTool.RunOk("pdftoppm", "-png", "-r", "300", "-singlefile", path, png);
        Assert.Equal(StampVisibilityTests.VerifyUrl, ExternalTool.RunOk("zbarimg", "--raw", "-q", png + ".png").Trim());
    }

    [Theory]
    [InlineData(0, 270)]
    [InlineData(1, 180)]
    [InlineData(2, 90)]
    public void For_TurnsThePictureBack_WhenThePageIsRotated(int pageIndex, int expected)
    {
        // Pages 1-3 of habibi-rotated turn 90°, 180° and 270° clockwise.
        var input = RepoPaths.CorpusFile("habibi-rotated.pdf");

        var (picture, visible) = Picture(input, StampVisibilityTests.Content(), pageIndex);

        Assert.NotNull(picture);
        Assert.Equal(pageIndex + 1, picture.PageNumber);
        var path = _temp.File("stamp.pdf");
        File.WriteAllBytes(path, picture.Pdf);
        Assert.Equal(expected, PageOf(path).Rotation);
        // Across the unrotated page when the page turns a quarter: the service draws the turned picture into that rectangle.
        var (across, along) = expected is 90 or 270 ? (visible.Height, 200.0) : (200.0, visible.Height);
        Assert.InRange(picture.Rect.Width - across, -0.01, 0.01);
        Assert.InRange(picture.Rect.Height - along, -0.01, 0.01);
    }

    [Fact]
    public void Write_AppendsTheFootnoteAsARevision_AfterExactlyTheOriginalBytes()
    {
        var input = RepoPaths.CorpusFile("pdflatex-4-pages.pdf");
        var visible = StampedSignature.Create(StampVisibilityTests.Content(), StampVisibilityTests.Fixed(), input).Visible;
        var output = _temp.File("footnoted.pdf");

        bool added;
        using (var file = File.OpenRead(input))
        using (var pdf = PdfStructure.Open(file))
        using (var target = File.Create(output))
            added = FootnoteRevision.Write(pdf, file, target, visible);

        Assert.True(added);
        var original = File.ReadAllBytes(input);
        var written = File.ReadAllBytes(output);
        Assert.True(written.Length > original.Length && written.AsSpan(0, original.Length).SequenceEqual(original));
        SignedPdf.AssertQpdfCheck(output);
        Assert.Contains(StampOptions.BsreFootnote, StampRendering.Flat(ExternalTool.RunOk("pdftotext", "-f", "4", "-l", "4", output, "-")));
        Assert.DoesNotContain(StampOptions.BsreFootnote, StampRendering.Flat(ExternalTool.RunOk("pdftotext", "-f", "3", "-l", "3", output, "-")));
    }

    [Fact]
    public async Task Write_AddsNothing_WhenTheDocumentIsAlreadySigned()
    {
        var signed = _temp.File("signed.pdf");
        await TestSigning.SignCorpusAsync("minimal-document.pdf", signed);
        var visible = StampedSignature.Create(StampVisibilityTests.Content(), StampVisibilityTests.Fixed(), signed).Visible;
        var output = _temp.File("footnoted.pdf");

        bool added;
        using (var file = File.OpenRead(signed))
        using (var pdf = PdfStructure.Open(file))
        using (var target = File.Create(output))
            added = FootnoteRevision.Write(pdf, file, target, visible);

        Assert.False(added);
        Assert.Equal(File.ReadAllBytes(signed), File.ReadAllBytes(output));
    }

    [Fact]
    public void Write_ClearsNeedAppearancesAndKeepsTheFieldValues_WhenTheFormAskedViewersToRebuildAppearances()
    {
        // A LibreOffice form: poppler rebuilds every widget there, and would draw nothing for the service's stamp.
        var input = RepoPaths.CorpusFile("libreoffice-form.pdf");
        Assert.True(NeedAppearances(input));
        var visible = StampedSignature.Create(StampVisibilityTests.Content(), StampVisibilityTests.Fixed(), input).Visible;
        var output = _temp.File("footnoted.pdf");

        bool added;
        using (var file = File.OpenRead(input))
        using (var pdf = PdfStructure.Open(file))
        using (var target = File.Create(output))
            added = FootnoteRevision.Write(pdf, file, target, visible);

        Assert.True(added);
        Assert.False(NeedAppearances(output));
        SignedPdf.AssertQpdfCheck(output);
        var text = StampRendering.Flat(ExternalTool.RunOk("pdftotext", output, "-"));
        Assert.Contains(StampOptions.BsreFootnote, text);
        Assert.Contains("Alice", text);
        Assert.Contains("Bob", text);
    }

    private static bool NeedAppearances(string path)
    {
        using var file = File.OpenRead(path);
        using var pdf = PdfStructure.Open(file);
        return pdf.Get(pdf.Catalog, "AcroForm") is DictionaryToken form && pdf.Get(form, "NeedAppearances") is BooleanToken { Data: true };
    }

    private static (double Width, double Height, int Rotation) PageOf(string pdf)
    {
        var info = ExternalTool.RunOk("pdfinfo", pdf);
        var size = PageSize().Match(info);
        Assert.True(size.Success, info);
        var rotation = PageRotation().Match(info);
        return (double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture),
            rotation.Success ? int.Parse(rotation.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    [GeneratedRegex(@"Page size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();

    [GeneratedRegex(@"Page rot:\s+(\d+)")]
    private static partial Regex PageRotation();
}
