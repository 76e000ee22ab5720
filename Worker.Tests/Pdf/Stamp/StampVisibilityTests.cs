using Worker.Configuration;
using Worker.Pdf.Reading;
using Worker.Pdf.Stamp;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Stamp;

/// <summary>The stamp as readers see it on every corpus file: drawn by poppler and mupdf, QR readable, text whole, footnote there.</summary>
public sealed class StampVisibilityTests : IDisposable
{
    // 60 and 70 characters: the lengths the legal bureau's longest names and positions reach.
    internal const string LongName = "Prof. Dr. Ir. Hj. Andi Muhammad Sulaiman Daeng Mattola, M.Si";
    internal const string LongPosition = "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Sulbar.";
    internal const string VerifyUrl = "http://127.0.0.1:5080/verify/3f2a9c4e1b7d4e8a9f005c6d7e8f9a0b";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // ImageMagick's 3.84 x 3.84 pt pages cannot hold a stamp; signing them is tested with the rest of the corpus (PdfSignerCorpusTests).
    private static readonly string[] TooSmall = ["imagemagick-ASCII85Decode.pdf", "imagemagick-CCITTFaxDecode.pdf", "imagemagick-images.pdf", "imagemagick-lzw.pdf"];

    public static TheoryData<string> Signable => [.. Corpus.Signable().Cast<object[]>().Select(row => (string)row[0]).Except(TooSmall)];

    internal static StampContent Content() => new()
    {
        SignerName = LongName, Position = LongPosition, Office = "Pemerintah Provinsi Sulawesi Barat",
        Rank = "Pembina Utama Muda (IV/c)", Nip = "19700101 199503 1 001",
        SignedAt = new DateTimeOffset(2026, 11, 27, 6, 5, 0, TimeSpan.Zero),
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"), TimeZoneLabel = "WITA", VerifyUrl = VerifyUrl,
    };

    internal static StampPlacement Fixed() => new() { X = 360, Y = 40, Width = 200, Height = 80, Footnote = StampOptions.BsreFootnote };

    [Fact]
    public void Content_UsesTheLengthsTheTestsPromise()
    {
        Assert.Equal((60, 70), (LongName.Length, LongPosition.Length));
    }

    [Fact]
    public void Signable_LeavesOutOnlyPagesTooSmallForTheStamp()
    {
        var small = Corpus.Signable().Cast<object[]>().Select(row => (string)row[0])
            .Where(name => LastPage(RepoPaths.CorpusFile(name)) is var (_, w, h) && (w < 200 || h < 160)).Order();

        Assert.Equal(TooSmall.Order(), small);
    }

    [Theory]
    [MemberData(nameof(Signable))]
    public async Task Sign_ShowsTheStampAndFootnoteInPopplerAndMupdf_OnEveryCorpusFile(string name)
    {
        var input = RepoPaths.CorpusFile(name);
        var output = _temp.File("signed.pdf");
        var layout = StampedSignature.Create(Content(), Fixed(), input);
        using (var rsa = DemoPki.Instance.Rsa.Open())
            await TestSigning.SignAsync(input, output, rsa, layout.Visible);
        SignedPdf.AssertPdfSigValid(output, 1);
        Assert.Equal(File.ReadAllBytes(input), File.ReadAllBytes(output)[..(int)new FileInfo(input).Length]);

        var (pageNumber, width, height) = LastPage(input);
        var stamp = VisibleBox(layout.Visible.X, layout.Visible.Y, layout.Visible.Width, layout.Visible.Height, width, height);
        var (poppler, mupdf) = StampRendering.Render(output, pageNumber, _temp.Path);
        // The QR code alone covers about a fifth of the box in black.
        Assert.True(StampRendering.DarkShare(poppler, stamp) > 0.08, $"poppler draws no stamp at {stamp} on {name}");
        Assert.True(StampRendering.DarkShare(mupdf, stamp) > 0.08, $"mupdf draws no stamp at {stamp} on {name}");
        var (popplerQr, mupdfQr) = StampRendering.DecodeQr(output, pageNumber, _temp.Path);
        Assert.Contains(VerifyUrl, popplerQr);
        Assert.Contains(VerifyUrl, mupdfQr);

        var text = StampRendering.MupdfText(output, pageNumber);
        Assert.Contains(LongName, text);
        Assert.Contains(LongPosition, text);
        Assert.Contains("NIP. 19700101 199503 1 001", text);
        Assert.Contains(StampOptions.BsreFootnote, text);
        var foot = layout.Visible.Footnote!;
        var footBox = VisibleBox(foot.X, foot.Y, foot.Width, foot.Height, width, height);
        var (before, _) = StampRendering.Render(input, pageNumber, Directory.CreateDirectory(_temp.File("original")).FullName);
        Assert.True(Changed(poppler, before, footBox) > 0.01, $"poppler draws no footnote at {footBox} on {name}");
    }

    // The last page's number and its size as the reader sees it (turned by /Rotate).
    internal static (int Number, double Width, double Height) LastPage(string pdf)
    {
        using var file = File.OpenRead(pdf);
        using var structure = PdfStructure.Open(file);
        var page = structure.Pages[^1];
        var (w, h) = (page.CropBox.Width, page.CropBox.Height);
        return page.Rotate is 90 or 270 ? (structure.Pages.Count, h, w) : (structure.Pages.Count, w, h);
    }

    // Where the engine puts a box asked for at (x, y): moved, then shrunk, to stay on the page; 2 points in from each edge.
    internal static PdfBox VisibleBox(double x, double y, double w, double h, double pageWidth, double pageHeight)
    {
        (w, h) = (Math.Min(w, pageWidth), Math.Min(h, pageHeight));
        var (vx, vy) = (Math.Clamp(x, 0, pageWidth - w), Math.Clamp(y, 0, pageHeight - h));
        return new PdfBox(vx + 2, vy + 2, vx + w - 2, vy + h - 2);
    }

    private static double Changed(GrayImage after, GrayImage before, PdfBox box) =>
        after.ChangedShare(before, (int)box.Left, after.Height - (int)box.Top, (int)box.Right, after.Height - (int)box.Bottom);
}
