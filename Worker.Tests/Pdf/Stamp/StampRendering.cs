using System.Text.RegularExpressions;
using Worker.Pdf.Reading;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Stamp;

/// <summary>Renders a signed page with poppler and mupdf, and reads back what a reader of that page sees.</summary>
internal static partial class StampRendering
{
    /// <summary>The page as poppler's pdftoppm (Evince, Okular) and mupdf's mutool draw each show it, at 72 dpi.</summary>
    public static (GrayImage Poppler, GrayImage Mupdf) Render(string pdf, int page, string workDir)
    {
        var prefix = Path.Combine(workDir, $"poppler-{page}");
        ExternalTool.RunOk("pdftoppm", "-gray", "-r", "72", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf, prefix);
        var mupdf = Path.Combine(workDir, $"mupdf-{page}.pgm");
        ExternalTool.RunOk("mutool", "draw", "-q", "-r", "72", "-c", "gray", "-o", mupdf, pdf, $"{page}");
        return (GrayImage.FromPgm(File.ReadAllBytes(prefix + ".pgm")), GrayImage.FromPgm(File.ReadAllBytes(mupdf)));
    }

    /// <summary>What zbarimg decodes from the page drawn by poppler and by mupdf at 150 dpi (QR codes only).</summary>
    public static (string Poppler, string Mupdf) DecodeQr(string pdf, int page, string workDir)
    {
        var prefix = Path.Combine(workDir, $"qr-poppler-{page}");
        ExternalTool.RunOk("pdftoppm", "-png", "-r", "150", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf, prefix);
        var mupdf = Path.Combine(workDir, $"qr-mupdf-{page}.png");
        ExternalTool.RunOk("mutool", "draw", "-q", "-r", "150", "-o", mupdf, pdf, $"{page}");
        // zbarimg exits 4 when it finds nothing; the caller's assertion says so better than an exit code.
        return (ExternalTool.Run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", prefix + ".png").Stdout,
            ExternalTool.Run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", mupdf).Stdout);
    }

    /// <summary>The page's text as mupdf extracts it from what it draws (annotations included), with runs of white space made one space.</summary>
    public static string MupdfText(string pdf, int page) =>
        Flat(ExternalTool.RunOk("mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf, $"{page}"));

    /// <summary>Runs of white space (line breaks of wrapped text included) as one space.</summary>
    public static string Flat(string text) => Spaces().Replace(text, " ");

    /// <summary>Share of dark pixels inside a rectangle given in points from the bottom-left of the visible page.</summary>
    public static double DarkShare(GrayImage image, PdfBox box) =>
        image.DarkShare((int)Math.Ceiling(box.Left), image.Height - (int)Math.Floor(box.Top), (int)Math.Floor(box.Right), image.Height - (int)Math.Ceiling(box.Bottom));

    /// <summary>Share of inked pixels (grey anti-aliased text too) inside a rectangle given in points from the bottom-left of the visible page.</summary>
    public static double InkShare(GrayImage image, PdfBox box) =>
        image.InkShare((int)Math.Ceiling(box.Left), image.Height - (int)Math.Floor(box.Top), (int)Math.Floor(box.Right), image.Height - (int)Math.Ceiling(box.Bottom));

    /// <summary>The signature widgets' rectangles on page <paramref name="index"/> (from 0), in unrotated user space.</summary>
    public static List<PdfBox> SignatureRects(string pdf, int index)
    {
        using var file = File.OpenRead(pdf);
        using var structure = PdfStructure.Open(file);
        var page = structure.Pages[index];
        var rects = new List<PdfBox>();
        if (structure.Get(page.Dictionary, "Annots") is not UglyToad.PdfPig.Tokens.ArrayToken annots) return rects;
        foreach (var annot in annots.Data.Select(structure.Resolve).OfType<UglyToad.PdfPig.Tokens.DictionaryToken>())
        {
            if (structure.Get(annot, "FT") is UglyToad.PdfPig.Tokens.NameToken { Data: "Sig" }
                && structure.Get(annot, "Rect") is UglyToad.PdfPig.Tokens.ArrayToken r)
            {
                var n = r.Data.Select(t => ((UglyToad.PdfPig.Tokens.NumericToken)structure.Resolve(t)!).Double).ToArray();
                rects.Add(PdfBox.FromCorners(n[0], n[1], n[2], n[3]));
            }
        }
        return rects;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
