using System.Text;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Support;

/// <summary>A page rendered by pdftoppm as 8-bit grayscale (binary PGM), for pixel assertions.</summary>
public sealed class GrayImage
{
    private readonly byte[] _pixels;

    private GrayImage(int width, int height, byte[] pixels) => (Width, Height, _pixels) = (width, height, pixels);

    public int Width { get; }
    public int Height { get; }

    public bool IsDark(int x, int y) => _pixels[y * Width + x] < 96;

    /// <summary>Share of dark pixels in a rectangle given in pixel rows/columns from the top-left.</summary>
    public double DarkShare(int left, int top, int right, int bottom)
    {
        int dark = 0, all = 0;
        for (var y = Math.Max(0, top); y < Math.Min(Height, bottom); y++)
        for (var x = Math.Max(0, left); x < Math.Min(Width, right); x++, all++)
            if (IsDark(x, y)) dark++;
        return all == 0 ? 0 : (double)dark / all;
    }

    /// <summary>Share of pixels in a rectangle (pixel rows/columns from the top-left) darker than paper: grey anti-aliased text too.</summary>
    public double InkShare(int left, int top, int right, int bottom) => Share(left, top, right, bottom, i => _pixels[i] < 230);

    /// <summary>Share of pixels in a rectangle (pixel rows/columns from the top-left) that differ from <paramref name="other"/>'s, a rendering of the same size.</summary>
    public double ChangedShare(GrayImage other, int left, int top, int right, int bottom) =>
        Share(left, top, right, bottom, i => Math.Abs(_pixels[i] - other._pixels[i]) > 24);

    private double Share(int left, int top, int right, int bottom, Func<int, bool> counts)
    {
        int hits = 0, all = 0;
        for (var y = Math.Max(0, top); y < Math.Min(Height, bottom); y++)
        for (var x = Math.Max(0, left); x < Math.Min(Width, right); x++, all++)
            if (counts(y * Width + x)) hits++;
        return all == 0 ? 0 : (double)hits / all;
    }

    /// <summary>Renders one page (1-based) at 72 dpi, so one pixel is one point, and keeps a PNG copy as artifact.</summary>
    public static GrayImage Render(string pdf, int page, string workDir, string artifactName)
    {
        var prefix = Path.Combine(workDir, $"page{page}");
        Assert.Equal(0, ExternalTool.Run("pdftoppm", "-gray", "-r", "72", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf, prefix).ExitCode);
        var artifact = Path.Combine(RepoPaths.Artifacts, artifactName);
        Assert.Equal(0, ExternalTool.Run("pdftoppm", "-png", "-r", "72", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf, artifact).ExitCode);
        return Parse(File.ReadAllBytes(prefix + ".pgm"));
    }

    /// <summary>Reads a binary 8-bit PGM, as pdftoppm -gray and mutool draw -c gray write it.</summary>
    public static GrayImage FromPgm(byte[] data) => Parse(data);

    private static GrayImage Parse(byte[] data)
    {
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)data[i])) i++;
            var start = i;
            while (!char.IsWhiteSpace((char)data[i])) i++;
            fields.Add(Encoding.ASCII.GetString(data, start, i - start));
        }
        Assert.Equal("P5", fields[0]);
        int width = int.Parse(fields[1]), height = int.Parse(fields[2]);
        return new GrayImage(width, height, data[(i + 1)..(i + 1 + width * height)]);
    }
}
