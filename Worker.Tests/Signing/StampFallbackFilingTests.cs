using System.Text;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Tests.Pdf.Stamp;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>
/// A letter whose page box cannot hold the stamp as the signature's widget is still filed with a valid signature, with
/// the stamp (lines and QR code) drawn as an annotation where the route puts it, and the fallback in its audit trail.
/// </summary>
public sealed class StampFallbackFilingTests(SigningHost host) : IClassFixture<SigningHost>
{
    [Fact]
    public async Task Drop_IsFiledWithTheStampDrawnAsAnAnnotation_WhenThePageBoxCannotHoldTheWidget()
    {
        // Same-length replacement, so the xref stays exact: only the page box is degenerate (viewers show US Letter).
        var text = Encoding.Latin1.GetString(TestPdfs.Generated(1)).Replace("/MediaBox [0 0 595 842]", "/MediaBox [0 0 000 000]");
        var (id, title, original) = await host.DropBytesAsync(Encoding.Latin1.GetBytes(text));
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed");
        var signedPath = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;

        SignedPdf.AssertPdfSigValid(signedPath, 1);
        var signed = await File.ReadAllBytesAsync(signedPath);
        Assert.True(signed.AsSpan(0, original.Length).SequenceEqual(original), "the signed file must start with the approved bytes");
        // The signature's widget is zero-size; the stamp is a /Stamp annotation at the route's position (360, 40).
        Assert.Equal(0, Assert.Single(StampRendering.SignatureRects(signedPath, 0)).Width);
        var stamp = StampRect(signedPath);
        Assert.Equal((360, 40), (stamp.Left, stamp.Bottom));

        using var work = new TempDirectory();
        var page = GrayImage.Render(signedPath, 1, work.Path, "stamp-fallback-page");
        Assert.Equal((612, 792), (page.Width, page.Height));
        Assert.True(StampRendering.DarkShare(page, stamp) > 0.05, "poppler draws the stamp where the route puts it");
        Assert.Equal(0, StampRendering.InkShare(page, new PdfBox(0, stamp.Top + 2, 612, 792)));
        Assert.Equal(0, StampRendering.InkShare(page, new PdfBox(0, 0, stamp.Left - 2, 792)));

        var png = Path.Combine(work.Path, "qr");
        ExternalTool.RunOk("pdftoppm", "-png", "-r", "150", "-singlefile", signedPath, png);
        var qr = ExternalTool.Run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png + ".png");
        Assert.Equal($"{host.Config.BaseUrl}/verify/{id}", qr.Stdout.Trim());

        var audit = await host.Database.ScalarAsync<string>(
            $"SELECT string_agg(detail, ' | ') FROM worker.audit_events WHERE document_id = '{id}' AND action = 'stamp-note'");
        Assert.NotNull(audit);
        Assert.Contains("visible stamp not placed", audit);
        Assert.Contains("signed invisibly", audit);
        Assert.Contains(FormattableString.Invariant($"drawn instead as a page annotation at [360 40 {stamp.Right:0.#} {stamp.Top:0.#}]"), audit);
    }

    private static PdfBox StampRect(string pdf)
    {
        using var file = File.OpenRead(pdf);
        using var structure = PdfStructure.Open(file);
        var annots = Assert.IsType<ArrayToken>(structure.Get(structure.Pages[0].Dictionary, "Annots"));
        var stamp = Assert.Single(annots.Data.Select(structure.Resolve).OfType<DictionaryToken>(),
            a => structure.Get(a, "Name") is NameToken { Data: "TTEStamp" });
        Assert.Equal("Stamp", Assert.IsType<NameToken>(structure.Get(stamp, "Subtype")).Data);
        var n = Assert.IsType<ArrayToken>(structure.Get(stamp, "Rect")).Data.Select(t => Assert.IsType<NumericToken>(structure.Resolve(t)).Double).ToArray();
        return PdfBox.FromCorners(n[0], n[1], n[2], n[3]);
    }
}
