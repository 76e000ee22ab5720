using System.Security.Cryptography;
using System.Text;
using Worker.Filing;

namespace Worker.Intake;

/// <summary>DataDirectory/content: the original bytes of every document, named by id; the worker never deletes them. Only the worker's user can read it.</summary>
public sealed class ContentStore
{
    private readonly string root;

    public ContentStore(string dataDirectory)
    {
        var data = FileModes.CreatePrivateFolder(Path.GetFullPath(dataDirectory));
        root = FileModes.CreatePrivateFolder(Path.Combine(data, "content"));
    }

    public string PdfPath(Guid id) => Path.Combine(root, $"{id}.pdf");

    public string SidecarPath(Guid id) => Path.Combine(root, $"{id}.pdf.json");

    /// <summary>
    /// Copies <paramref name="input"/> in, hashing on the way; written (0600) under a temporary name, then renamed, so a kept
    /// file is always whole. More than <paramref name="maxBytes"/> (the file grew after it was checked) is refused as too big.
    /// </summary>
    public async Task<StoredContent> CopyInAsync(Stream input, Guid id, long maxBytes, CancellationToken ct)
    {
        var target = PdfPath(id);
        var temporary = target + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        File.Delete(temporary);
        await using (var output = FileModes.CreateNew(temporary, FileModes.PrivateFile))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > maxBytes) break;
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            await output.FlushAsync(ct);
            output.Flush(flushToDisk: true);
        }
        if (size > maxBytes)
        {
            File.Delete(temporary);
            throw new RefusedFileException(target, FileRefusal.TooBig, size);
        }
        File.Move(temporary, target, overwrite: true);
        return new StoredContent(target, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Keeps a sidecar's text beside the original (0600), written aside and renamed.</summary>
    public void KeepSidecar(Guid id, string text)
    {
        var target = SidecarPath(id);
        var temporary = target + ".part";
        File.Delete(temporary);
        using (var output = FileModes.CreateNew(temporary, FileModes.PrivateFile))
        {
            output.Write(Encoding.UTF8.GetBytes(text));
            output.Flush(flushToDisk: true);
        }
        File.Move(temporary, target, overwrite: true);
    }
}
