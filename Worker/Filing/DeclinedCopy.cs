using System.Security.Cryptography;
using System.Text;

namespace Worker.Filing;

/// <summary>
/// Copies a declined document's original into a declined folder with NAME.reason.txt beside it: safe to run twice; another
/// document's file of the same name (or a planted link) is never written through or over.
/// </summary>
public static class DeclinedCopy
{
    /// <summary>Puts the reason, then the original (<paramref name="source"/>, whose SHA-256 is <paramref name="sha256"/>); returns the PDF's path.</summary>
    public static async Task<string> PutAsync(string folder, Guid documentId, string sourceName, string source, string sha256, string reason, CancellationToken ct)
    {
        var (pdf, reasonFile) = Targets(folder, documentId, sourceName, sha256, reason);
        try
        {
            // The reason first, then the PDF: a PDF in declined/ always has its reason beside it, and neither is ever half-written.
            await PutOnceAsync(reasonFile, new MemoryStream(Encoding.UTF8.GetBytes(reason)), Sha256Hex(Encoding.UTF8.GetBytes(reason)), ct);
            await using (var original = File.OpenRead(source)) await PutOnceAsync(pdf, original, sha256, ct);
        }
        catch (Exception e) when (FolderUnavailableException.IsFolderFault(e))
        {
            throw new FolderUnavailableException(folder, e);
        }
        return pdf;
    }

    /// <summary>
    /// NAME.pdf and NAME.reason.txt, each free or already holding exactly this document's bytes (a rerun); the document id is
    /// added to NAME when another document (or anything else, such as a planted link) already took a name.
    /// </summary>
    private static (string Pdf, string Reason) Targets(string folder, Guid id, string sourceName, string sha256, string reason)
    {
        // Clean of control and format characters, and short enough in bytes for NAME-{id}.reason.txt to fit 255.
        var stem = ArchivePath.SafeName(Path.GetFileNameWithoutExtension(sourceName));
        var ext = Path.GetExtension(FileNames.Plain(sourceName)) is { Length: > 0 and <= 16 } e ? e : ".pdf";
        var reasonSha256 = Sha256Hex(Encoding.UTF8.GetBytes(reason));
        foreach (var candidate in new[] { stem, $"{stem}-{id:N}"[..(stem.Length + 9)], $"{stem}-{id:N}" })
        {
            var pdf = FileNames.Inside(folder, candidate + ext);
            var reasonFile = FileNames.Inside(folder, candidate + ".reason.txt");
            if (FreeOrSame(pdf, sha256) && FreeOrSame(reasonFile, reasonSha256)) return (pdf, reasonFile);
        }
        throw new IOException($"every name for document {id} in {folder} is taken by other files; not overwriting them");
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
}
