using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>
/// Page images of the exact approved bytes, drawn by poppler's pdftoppm: a Debian-maintained renderer independent of our own
/// parser, so the phone needs no script. The file is untrusted: each page renders under a time limit, an address-space
/// limit (prlimit) and at most two at once; images and failure marks are cached per document under the data directory.
/// </summary>
public sealed partial class ApprovalPageImages(IOptions<WorkerOptions> options, ILogger<ApprovalPageImages> logger)
{
    /// <summary>Image width: twice a 390-pixel phone screen, for sharp text on high-density displays.</summary>
    public const int WidthPixels = 780;
    /// <summary>Placeholder height (A4 at <see cref="WidthPixels"/>) so lazy images take their place before loading.</summary>
    public const int A4HeightPixels = 1103;

    private static readonly TimeSpan RetryFailedAfter = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim Slots = new(2);
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> running = new();

    /// <summary>Page <paramref name="page"/>'s image, drawn first when needed; null when it cannot be drawn within the limits.</summary>
    public async Task<string?> PageAsync(DocumentRecord document, int page, CancellationToken ct)
    {
        var target = Path.Combine(Folder(document.Id), $"{page}.jpg");
        if (File.Exists(target)) return target;
        // A failure is remembered for a while, then tried again: it may have been a busy machine rather than a hostile file.
        if (File.Exists(target + ".failed") && File.GetLastWriteTimeUtc(target + ".failed") > DateTime.UtcNow - RetryFailedAfter) return null;
        // One render per page however many requests wait for it; a waiter that goes away does not stop it.
        var render = running.GetOrAdd(target, t => new Lazy<Task<string?>>(() => RenderAsync(document, page, t)));
        try
        {
            return await render.Value.WaitAsync(ct);
        }
        finally
        {
            if (render.Value.IsCompleted) running.TryRemove(new KeyValuePair<string, Lazy<Task<string?>>>(target, render));
        }
    }

    /// <summary>The pages the approval page shows for <paramref name="document"/>, after drawing the first (or finding it failed).</summary>
    public async Task<ApprovalPagePreview> PreviewAsync(DocumentRecord document, CancellationToken ct)
    {
        var total = Math.Max(document.PageCount ?? 1, 1);
        var first = await PageAsync(document, 1, ct);
        return new ApprovalPagePreview
        {
            Path = ApprovalPageAccess.PathOf(document.Id), Total = total, Shown = Math.Min(total, options.Value.Approval.PreviewMaxPages), Failed = first is null,
        };
    }

    private string Folder(Guid id) => Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "previews", id.ToString("N"));

    private async Task<string?> RenderAsync(DocumentRecord document, int page, string target)
    {
        var limits = options.Value.Approval;
        var prefix = $"{target}.{Guid.NewGuid():N}";
        // Busy with other documents' pages for a whole time limit: this request shows the PDF link, a later one tries again.
        if (!await Slots.WaitAsync(limits.PreviewTimeout))
        {
            LogBusy(document.Id, page);
            return null;
        }
        try
        {
            var source = document.ContentPath is { } p && File.Exists(p) ? Path.GetFullPath(p) : null;
            if (source is null) return Failed(document.Id, page, target, "the stored original is missing");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var run = await ExternalProgram.RunAsync("prlimit",
                [$"--as={(long)limits.PreviewMemoryMegabytes * 1024 * 1024}", "--core=0", "--", "pdftoppm", "-q",
                 "-jpeg", "-jpegopt", "quality=60,optimize=y", "-f", $"{page}", "-l", $"{page}", "-singlefile",
                 "-scale-to-x", $"{WidthPixels}", "-scale-to-y", "-1", source, prefix],
                limits.PreviewTimeout, CancellationToken.None);
            if (run.ExitCode != 0 || !File.Exists(prefix + ".jpg"))
                return Failed(document.Id, page, target, $"pdftoppm exit {run.ExitCode}");
            File.Move(prefix + ".jpg", target, overwrite: true);
            return target;
        }
        catch (InvalidOperationException e)
        {
            return Failed(document.Id, page, target, e.Message);
        }
        finally
        {
            File.Delete(prefix + ".jpg");
            Slots.Release();
        }
    }

    // The mark keeps a hostile file from costing a full time limit on every request.
    private string? Failed(Guid id, int page, string target, string reason)
    {
        LogFailed(id, page, reason);
        try
        {
            File.WriteAllText(target + ".failed", reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogFailed(id, page, $"the failure mark could not be written: {e.Message}");
        }
        return null;
    }

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: page {Page} waited a whole time limit for a free renderer; not drawn this time")]
    private partial void LogBusy(Guid documentId, int page);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: page {Page} could not be drawn for the approval page ({Reason}); the page points to the PDF")]
    private partial void LogFailed(Guid documentId, int page, string reason);
}
