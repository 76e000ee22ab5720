using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>
/// Copies a declined (rejected or cancelled) or expired document's original into the route's declined folder with NAME.reason.txt beside it.
/// A Hangfire job by document id: safe to run twice; another document's file of the same name is never overwritten.
/// </summary>
public sealed partial class DeclinedFiling(
    ApprovalStore store, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<DeclinedFiling> logger)
{
    // A full or read-only declined/ folder fails the job with the reason; it is retried, and the lifecycle sweep queues it again
    // after the last retry, so the copy lands once the folder takes files again.
    [Hangfire.AutomaticRetry(Attempts = 20, DelaysInSeconds = [10, 30, 60, 120, 300])]
    public async Task FileAsync(Guid documentId, CancellationToken ct)
    {
        var document = await store.DocumentAsync(documentId, ct);
        if (document is null || document.DeclinedPath is not null || document.State is not (DocumentState.Declined or DocumentState.Expired))
            return;
        var route = options.Value.FindRoute(document.Route)
            ?? throw new InvalidOperationException($"route '{document.Route}' of document {documentId} is no longer configured; cannot file it as declined");
        var source = document.ContentPath ?? throw new InvalidOperationException($"document {documentId} has no stored original");
        var steps = await store.StepsAsync(documentId, ct);
        var reason = DeclinedReason.Text(document, steps, options.Value.OfficeHours.Zone());
        var (pdf, reasonFile) = Targets(route.Declined, document, reason);
        try
        {
            // The reason first, then the PDF: a PDF in declined/ always has its reason beside it, and neither is ever half-written.
            await PutOnceAsync(reasonFile, new MemoryStream(Encoding.UTF8.GetBytes(reason)), Sha256Hex(Encoding.UTF8.GetBytes(reason)), ct);
            await using (var original = File.OpenRead(source)) await PutOnceAsync(pdf, original, document.Sha256, ct);
        }
        catch (Exception e) when (FolderUnavailableException.IsFolderFault(e))
        {
            throw new FolderUnavailableException(route.Declined, e);
        }
        await store.RecordDeclinedCopyAsync(documentId, pdf, clock.GetUtcNow(), ct);
        LogFiled(documentId, pdf);
    }

    /// <summary>
    /// NAME.pdf and NAME.reason.txt, each free or already holding exactly this document's bytes (a rerun); the document id is
    /// added to NAME when another document (or anything else, such as a planted link) already took a name.
    /// </summary>
    private static (string Pdf, string Reason) Targets(string folder, ApprovalDocument d, string reason)
    {
        // Clean of control and format characters, and short enough in bytes for NAME-{id}.reason.txt to fit 255.
        var stem = ArchivePath.SafeName(Path.GetFileNameWithoutExtension(d.SourceName));
        var ext = Path.GetExtension(FileNames.Plain(d.SourceName)) is { Length: > 0 and <= 16 } e ? e : ".pdf";
        var reasonSha256 = Sha256Hex(Encoding.UTF8.GetBytes(reason));
        foreach (var candidate in new[] { stem, $"{stem}-{d.Id:N}"[..(stem.Length + 9)], $"{stem}-{d.Id:N}" })
        {
            var pdf = FileNames.Inside(folder, candidate + ext);
            var reasonFile = FileNames.Inside(folder, candidate + ".reason.txt");
            if (FreeOrSame(pdf, d.Sha256) && FreeOrSame(reasonFile, reasonSha256)) return (pdf, reasonFile);
        }
        throw new IOException($"every name for document {d.Id} in {folder} is taken by other files; not overwriting them");
    }

    // Written aside (O_EXCL) and renamed without replacing, so neither a planted link nor another document's file is ever written through or over.
    private static async Task PutOnceAsync(string target, Stream content, string sha256, CancellationToken ct)
    {
        if (RegularFile.Taken(target) && FreeOrSame(target, sha256)) return;
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var output = FileModes.CreateNew(temp, FileModes.RouteFile))
            {
                await content.CopyToAsync(output, ct);
                output.Flush(flushToDisk: true);
            }
            if (UnixFile.RenameNoReplace(temp, target) == RenameOutcome.Done) return;
        }
        finally
        {
            File.Delete(temp);
        }
        if (!FreeOrSame(target, sha256)) throw new IOException($"{target} exists with other content; not overwriting it");
    }

    // Free, or a regular file (never read through a link) with exactly these bytes.
    private static bool FreeOrSame(string path, string sha256)
    {
        if (!RegularFile.Taken(path)) return true;
        try
        {
            using var stream = RegularFile.OpenRead(path, long.MaxValue);
            return Convert.ToHexStringLower(SHA256.HashData(stream)) == sha256.ToLowerInvariant();
        }
        catch (RefusedFileException)
        {
            return false;
        }
    }

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [LoggerMessage(LogLevel.Information, "Document {DocumentId} filed as declined at {Path}")]
    private partial void LogFiled(Guid documentId, string path);
}
