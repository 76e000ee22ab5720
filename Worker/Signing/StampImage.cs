using Worker.Filing;

namespace Worker.Signing;

/// <summary>
/// Renders a stamp's one-page PDF (Pdf.Stamp.StampPdf) to a PNG with poppler's pdftoppm, for a signing service that draws
/// the stamp as a picture: the picture is then our own stamp, drawn by the same renderer as the page images.
/// </summary>
public static class StampImage
{
    /// <summary>A letter is printed at 300 dpi: the stamp's text then prints as sharp as the letter's, and a QR module is several pixels wide.</summary>
    public const int Dpi = 300;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The PNG of <paramref name="pdf"/>'s page; <paramref name="workPrefix"/> names the temporary files (removed after).</summary>
    public static async Task<byte[]> PngAsync(byte[] pdf, string workPrefix, CancellationToken ct)
    {
        var source = workPrefix + ".pdf";
        var image = workPrefix + ".png";
        try
        {
            await File.WriteAllBytesAsync(source, pdf, ct);
            var run = await ExternalProgram.RunAsync("pdftoppm", ["-png", "-r", $"{Dpi}", "-singlefile", source, workPrefix], Timeout, ct);
            if (run.ExitCode != 0 || !File.Exists(image))
                throw new InvalidOperationException(
                    $"gambar stempel tidak dapat dibuat (pdftoppm keluar dengan {run.ExitCode}) / the stamp picture could not be made (pdftoppm exit {run.ExitCode})");
            return await File.ReadAllBytesAsync(image, ct);
        }
        finally
        {
            File.Delete(source);
            File.Delete(image);
        }
    }
}
