using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;

namespace Worker.Signing;

/// <summary>
/// Draws the first page of a filed document as a PNG (poppler's pdftoppm) for the /verify page, so whoever scans the QR
/// code can compare the paper with what was signed. A failure is logged and never fails the filing.
/// </summary>
public sealed partial class FirstPageRenderer(IOptions<WorkerOptions> options, ILogger<FirstPageRenderer> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Renders <paramref name="signedPath"/>'s first page to the document's page image; true when it was written.</summary>
    public async Task<bool> RenderAsync(Guid id, string signedPath, CancellationToken ct)
    {
        var target = PageImages.PathFor(options.Value.DataDirectory, id);
        var prefix = target + ".part";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var run = await ExternalProgram.RunAsync("pdftoppm",
                ["-png", "-f", "1", "-l", "1", "-singlefile", "-scale-to-x", $"{PageImages.WidthPixels}", "-scale-to-y", "-1", signedPath, prefix],
                Timeout, ct);
            if (run.ExitCode != 0 || !File.Exists(prefix + ".png"))
            {
                LogFailed(id, $"pdftoppm exit {run.ExitCode}: {FirstLine(run.Output)}");
                return false;
            }
            File.Move(prefix + ".png", target, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            LogFailed(id, e.Message);
            return false;
        }
        finally
        {
            File.Delete(prefix + ".png");
        }
    }

    private static string FirstLine(string output) => output.Split('\n', 2)[0].Trim();

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: the first-page image for /verify could not be made ({Reason}); the page says so")]
    private partial void LogFailed(Guid documentId, string reason);
}
