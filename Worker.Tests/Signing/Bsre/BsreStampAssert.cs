using System.Globalization;
using Worker.Pdf.Reading;
using Worker.Tests.Pdf.Stamp;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>What a reader of a BSrE-signed file sees in the rectangle the sign call asked for: the stamp, and its QR code.</summary>
internal static class BsreStampAssert
{
    /// <summary>
    /// Asserts that poppler and mupdf both show ink in <paramref name="box"/> of page <paramref name="page"/> of
    /// <paramref name="signedPdf"/> where <paramref name="original"/> had little, and that the QR code read there is
    /// <paramref name="verifyUrl"/>.
    /// </summary>
    public static void ShowsStampAndQr(string signedPdf, byte[] original, int page, PdfBox box, string verifyUrl)
    {
        using var work = new TempDirectory();
        var originalPdf = work.File("original.pdf");
        File.WriteAllBytes(originalPdf, original);
        Directory.CreateDirectory(work.File("before"));
        Directory.CreateDirectory(work.File("after"));
        var before = StampRendering.Render(originalPdf, page, work.File("before"));
        var after = StampRendering.Render(signedPdf, page, work.File("after"));
        var empty = StampRendering.InkShare(before.Poppler, box);
        Assert.True(StampRendering.InkShare(after.Poppler, box) > empty + 0.05, $"poppler shows no stamp at {box} on page {page}");
        Assert.True(StampRendering.InkShare(after.Mupdf, box) > empty + 0.05, $"mupdf shows no stamp at {box} on page {page}");

        // Only the requested rectangle (and a little white around it for the QR code's quiet zone), at 150 dpi.
        const double Dpi = 150, Margin = 6;
        var scale = Dpi / 72;
        string Px(double points) => ((int)Math.Round(points * scale)).ToString(CultureInfo.InvariantCulture);
        var crop = work.File("rectangle");
        ExternalTool.RunOk("pdftoppm", "-png", "-r", "150", "-f", $"{page}", "-l", $"{page}", "-singlefile",
            "-x", Px(box.Left - Margin), "-y", Px(after.Poppler.Height - box.Top - Margin), "-W", Px(box.Width + 2 * Margin), "-H", Px(box.Height + 2 * Margin),
            signedPdf, crop);
        var qr = ExternalTool.Run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", crop + ".png");
        Assert.Equal(verifyUrl, qr.Stdout.Trim());
    }
}
