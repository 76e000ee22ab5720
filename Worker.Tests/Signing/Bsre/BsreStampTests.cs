using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Worker.Configuration;
using Worker.Pdf.Reading;
using Worker.Pdf.Stamp;
using Worker.Pdf.Verification;
using Worker.Persistence;
using Worker.Signing;
using Worker.Tests.Pdf.Stamp;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// What BSrE is asked to draw and sign: our TTE stamp as the picture, where our own engine would put it (fixed position or
/// anchor), and the approved bytes plus our footnote revision, which the signature then covers.
/// </summary>
public sealed partial class BsreStampTests(BsrePortFixture fixture) : IClassFixture<BsrePortFixture>
{
    private const double LetterHeight = 842;

    private string Original(string corpus = "pdflatex-4-pages.pdf")
    {
        var path = fixture.Work.File($"in-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, TestPdfs.Unique(corpus));
        return path;
    }

    // A deputy signing "a.n." the official, with the legal bureau's longest name and position, their own rank and NIP.
    private SigningRequest Request(string input) => fixture.Request(input, "kadis", fixture.Service.Passphrase) with
    {
        Step = new SigningStep
        {
            Id = Guid.NewGuid(), Position = 0, Name = StampVisibilityTests.LongName, Email = "wakil@example.go.id", Signer = "kadis",
            JobTitle = Deputy.PositionFor(StampVisibilityTests.LongPosition), DeputyNip = "19700101 199503 1 001", DeputyRank = "Pembina Utama Muda (IV/c)",
        },
        Stamp = new StampOptions { Office = "Pemerintah Provinsi Sulawesi Barat" },
    };

    private static readonly Delegation Deputy = new()
    {
        ApproverEmail = "kadis@example.go.id", DeputyEmail = "wakil@example.go.id", DeputyName = StampVisibilityTests.LongName,
        DeputyPosition = "", DeputySigner = "kadis", Kind = "an", StartsAt = DateTimeOffset.MinValue, EndsAt = DateTimeOffset.MaxValue, CreatedBy = "test",
    };

    private static X509Certificate2Collection Trust()
    {
        var trust = new X509Certificate2Collection();
        trust.ImportFromPemFile(BsreTestPki.Instance.CaPem);
        return trust;
    }

    private string Png(JsonNode properties)
    {
        var png = fixture.Work.File($"stamp-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(png, Convert.FromBase64String(properties["imageBase64"]!.GetValue<string>()));
        return png;
    }

    // A PNG's size from its IHDR chunk.
    private static (int Width, int Height) PixelsOf(string png)
    {
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }), "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    // Files named after the output (OUTPUT.sent, OUTPUT.stamp.png, ...): a signer's scratch files must be gone once the port answers.
    private static string[] LeftBeside(string output) =>
        [.. Directory.GetFiles(Path.GetDirectoryName(output)!).Where(f => f.StartsWith(output + ".", StringComparison.Ordinal))];

    private static double Number(JsonNode properties, string name) => properties[name]!.GetValue<double>();

    [Fact]
    public async Task SignAsync_SendsOurTteStampAsThePicture_InTheStampsGrownBoxAtTheRoutesPosition()
    {
        var input = Original();
        var request = Request(input);

        await fixture.Port.SignAsync(request, CancellationToken.None);

        // The same layout our engine makes for this request: the box grown for the long name, at the route's fixed position.
        var local = StampedSignature.Create(RequestStamp.Content(request, fixture.Options, DateTimeOffset.UtcNow), RequestStamp.Placement(request), input).Visible;
        var properties = fixture.Service.LastProperties![0]!;
        Assert.Equal(4, properties["page"]!.GetValue<int>());
        Assert.Equal((360.0, 40.0, 200.0), (Number(properties, "originX"), Number(properties, "originY"), Number(properties, "width")));
        Assert.True(local.Height > 80, $"the long text should grow the stamp, got {local.Height}");
        Assert.InRange(Number(properties, "height") - local.Height, -0.01, 0.01);

        // The picture: the box's aspect ratio at 300 dpi, and its QR code to this document's verification page.
        var png = Png(properties);
        var (width, height) = PixelsOf(png);
        Assert.InRange(width, 200 * 300 / 72 - 1, 200 * 300 / 72 + 1);
        Assert.InRange((double)width / height, 200 / local.Height * 0.99, 200 / local.Height * 1.01);
        Assert.Equal($"{fixture.Options.PublicBaseUrl}/verify/{request.DocumentId}", ExternalTool.RunOk("zbarimg", "--raw", "-q", png).Trim());

        // The one-page PDF the signer renders, made by the same calls: the TTE lines whole, with the delegation's "a.n.".
        using var file = File.OpenRead(input);
        using var pdf = PdfStructure.Open(file);
        var stampPdf = fixture.Work.File($"stamp-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(stampPdf, StampPicture.For(pdf, local)!.Pdf);
        var text = StampRendering.Flat(ExternalTool.RunOk("pdftotext", stampPdf, "-"));
        Assert.Contains(StampContent.DefaultHeading, text);
        Assert.Contains("a.n. " + StampVisibilityTests.LongPosition, text);
        Assert.Contains(StampVisibilityTests.LongName, text);
        Assert.Contains("NIP. 19700101 199503 1 001", text);
    }

    [Fact]
    public async Task SignAsync_SendsTheApprovedBytesPlusOurFootnoteRevision_AndBsresSignatureCoversBoth()
    {
        var input = Original();
        var request = Request(input);
        var original = await File.ReadAllBytesAsync(input);

        await fixture.Port.SignAsync(request, CancellationToken.None);

        var sent = Assert.Single(fixture.Service.LastFiles);
        Assert.True(sent.Length > original.Length && sent.AsSpan(0, original.Length).SequenceEqual(original), "what BSrE gets must be the approved bytes plus our revision");
        var signed = await File.ReadAllBytesAsync(request.OutputPath);
        Assert.True(signed.AsSpan(0, sent.Length).SequenceEqual(sent), "BSrE's answer must start with what we sent");
        Assert.Empty(LeftBeside(request.OutputPath)); // the port is told what was sent: no copy of it is kept beside the output
        Assert.Contains(StampOptions.BsreFootnote, StampRendering.Flat(ExternalTool.RunOk("pdftotext", "-f", "4", "-l", "4", request.OutputPath, "-")));
        var verdict = Assert.Single(PdfSignatureVerifier.Verify(request.OutputPath, Trust()));
        Assert.True(verdict.IsValid && verdict.CoversWholeFile, verdict.Summary);
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, request.OutputPath);
        Assert.Contains("Signature is Valid", pdfsig.Stdout);
        Assert.Contains("Certificate is Trusted", pdfsig.Stdout);
    }

    [Fact]
    public async Task SignAsync_RefusesTheOutput_WhenBsreSignedTheApprovedBytesWithoutOurFootnote()
    {
        var input = Original();
        var request = Request(input);
        var length = (int)new FileInfo(input).Length;
        fixture.Service.Rework = received => received[..length];
        try
        {
            var e = await Assert.ThrowsAsync<SignedOutputRefusedException>(() => fixture.Port.SignAsync(request, CancellationToken.None));
            Assert.Contains("does not start with exactly the bytes sent to the signer", e.Message);
        }
        finally { fixture.Service.Rework = null; }
        Assert.False(File.Exists(request.OutputPath), "a refused output must not be left where it could be filed");
        Assert.Empty(LeftBeside(request.OutputPath));
    }

    [Fact]
    public async Task SignAsync_RefusesTheOutput_WhenBsreChangedOneByteOfOurFootnoteRevision()
    {
        var input = Original();
        var request = Request(input);
        var length = (int)new FileInfo(input).Length;
        // The approved bytes intact and the length of what we sent, but our revision is not what we sent: one line break
        // in it becomes a space (which readers take alike), and BSrE's signature then covers that.
        fixture.Service.Rework = received =>
        {
            var changed = received.ToArray();
            changed[received.AsSpan(length).IndexOf("endobj\n"u8) + length + "endobj".Length] = (byte)' ';
            return changed;
        };
        try
        {
            var e = await Assert.ThrowsAsync<SignedOutputRefusedException>(() => fixture.Port.SignAsync(request, CancellationToken.None));
            Assert.Contains("does not start with exactly the bytes sent to the signer", e.Message);
        }
        finally { fixture.Service.Rework = null; }
        var signedByBsre = Assert.Single(fixture.Service.LastFiles).Length;
        Assert.True(signedByBsre > length, "BSrE was sent our footnote revision");
        Assert.False(File.Exists(request.OutputPath), "a refused output must not be left where it could be filed");
        Assert.Empty(LeftBeside(request.OutputPath));
    }

    [Fact]
    public async Task SignAsync_PutsBsresPictureOverTheAnchor_OnTheAnchorsPage_AndAFurtherStampAboveIt()
    {
        var input = AnchorLetter();
        var anchor = AnchorBox(input);
        var stamp = new StampOptions { Anchor = "#ttd#" };

        await fixture.Port.SignAsync(Request(input) with { Stamp = stamp }, CancellationToken.None);
        var first = fixture.Service.LastProperties![0]!;
        await fixture.Port.SignAsync(Request(input) with { Stamp = stamp, StampIndex = 1 }, CancellationToken.None);
        var second = fixture.Service.LastProperties![0]!;

        // The anchor is on page 1 of 2; the route's fixed position would be the last page.
        Assert.Equal(1, first["page"]!.GetValue<int>());
        var (x, y, w, h) = (Number(first, "originX"), Number(first, "originY"), Number(first, "width"), Number(first, "height"));
        Assert.True(x <= anchor.Left && x + w >= anchor.Right && y <= anchor.Bottom && y + h >= anchor.Top,
            $"BSrE's rectangle {x},{y} {w}x{h} does not cover the anchor {anchor}");
        Assert.InRange(Number(second, "originY") - (y + h + 6), -0.01, 0.01);
        Assert.Equal(x, Number(second, "originX"));
    }

    [Fact]
    public async Task SignBatchAsync_GivesEachDocumentOurStampAndFootnote()
    {
        var secret = new PersonalSecret(fixture.Service.Passphrase);
        var batch = new[] { Request(Original()) with { Secret = secret }, Request(Original("minimal-document.pdf")) with { Secret = secret } };

        var outcomes = await fixture.Port.SignBatchAsync(batch, CancellationToken.None);

        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(2, fixture.Service.LastFileCount);
        for (var i = 0; i < batch.Length; i++)
        {
            var properties = fixture.Service.LastProperties![i]!;
            var (width, height) = PixelsOf(Png(properties));
            Assert.InRange((double)width / height, Number(properties, "width") / Number(properties, "height") * 0.99, Number(properties, "width") / Number(properties, "height") * 1.01);
            var page = properties["page"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
            Assert.Contains(StampOptions.BsreFootnote, StampRendering.Flat(ExternalTool.RunOk("pdftotext", "-f", page, "-l", page, batch[i].OutputPath, "-")));
            Assert.True(Assert.Single(PdfSignatureVerifier.Verify(batch[i].OutputPath, Trust())).IsValid);
            Assert.Empty(LeftBeside(batch[i].OutputPath));
        }
    }

    [Fact]
    public async Task SignBatchAsync_FailsOnlyTheDocumentWhoseStampDoesNotFit_AndSignsTheOther()
    {
        var secret = new PersonalSecret(fixture.Service.Passphrase);
        var tooSmall = new StampOptions { Width = 60, Height = 20 };
        var batch = new[] { Request(Original()) with { Secret = secret, Stamp = tooSmall }, Request(Original()) with { Secret = secret } };
        var calls = fixture.Service.Signed;

        var outcomes = await fixture.Port.SignBatchAsync(batch, CancellationToken.None);

        Assert.Contains("stempel tidak muat", outcomes[0].Error);
        Assert.False(File.Exists(batch[0].OutputPath));
        Assert.Empty(LeftBeside(batch[0].OutputPath));
        Assert.Null(outcomes[1].Error);
        Assert.Equal((calls + 1, 1), (fixture.Service.Signed, fixture.Service.LastFileCount));
        Assert.True(Assert.Single(PdfSignatureVerifier.Verify(batch[1].OutputPath, Trust())).IsValid);
    }

    // Two pages; the clerk typed the anchor in page 1's signature block, split over two text runs as word processors do.
    private string AnchorLetter()
    {
        var letter = fixture.Work.File($"letter-{Guid.NewGuid():N}.pdf");
        var content = Encoding.ASCII.GetBytes(
            "BT /F1 12 Tf 1 0 0 1 100 320 Tm (Kepala Dinas Kominfo) Tj ET\n" +
            "BT /F1 12 Tf 1 0 0 1 120 280 Tm (#tt) Tj /F2 12 Tf (d#) Tj ET\n" +
            "BT /F1 12 Tf 1 0 0 1 100 240 Tm (Andi Mappasessu) Tj ET\n");
        OnePagePdf.Write(letter, new StampDrawing(content, new Dictionary<string, string> { ["F1"] = "Helvetica", ["F2"] = "Helvetica-Bold" }, 595, LetterHeight), 595, LetterHeight);
        var two = fixture.Work.File($"letter2-{Guid.NewGuid():N}.pdf");
        ExternalTool.RunOk("qpdf", "--empty", "--pages", letter, RepoPaths.CorpusFile("minimal-document.pdf"), "--", two);
        return two;
    }

    // The anchor's box on page 1 from pdftotext -bbox, in points from the page's bottom-left.
    private static PdfBox AnchorBox(string pdf)
    {
        var html = ExternalTool.RunOk("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-");
        var m = AnchorWord().Match(html);
        Assert.True(m.Success, "pdftotext finds no #ttd# word");
        double N(string g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return new PdfBox(N("x1"), LetterHeight - N("y2"), N("x2"), LetterHeight - N("y1"));
    }

    [GeneratedRegex("""<word xMin="(?<x1>[-\d.]+)" yMin="(?<y1>[-\d.]+)" xMax="(?<x2>[-\d.]+)" yMax="(?<y2>[-\d.]+)">#ttd#</word>""")]
    private static partial Regex AnchorWord();
}
