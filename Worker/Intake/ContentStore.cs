using System.Security.Cryptography;

namespace Worker.Intake;

/// <summary>DataDirectory/content: the original bytes of every document, named by id; the worker never deletes them.</summary>
public sealed class ContentStore
{
    private readonly string root;

    public ContentStore(string dataDirectory)
    {
        root = Path.Combine(Path.GetFullPath(dataDirectory), "content");
        Directory.CreateDirectory(root);
    }

    public string PdfPath(Guid id) => Path.Combine(root, $"{id}.pdf");

    public string SidecarPath(Guid id) => Path.Combine(root, $"{id}.pdf.json");

    /// <summary>Copies <paramref name="source"/> in, hashing on the way; written under a temporary name, then renamed, so a kept file is always whole.</summary>
    public async Task<StoredContent> CopyInAsync(string source, Guid id, CancellationToken ct)
    {
        var target = PdfPath(id);
        var temporary = target + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan))
        await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
            await output.FlushAsync(ct);
            output.Flush(flushToDisk: true);
        }
        File.Move(temporary, target, overwrite: true);
        return new StoredContent(target, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
