using System.Security.Cryptography;
using Worker.Filing;

namespace Worker.Tests.Filing;

/// <summary>The declined folder takes the original and its reason, and never loses a file that was there.</summary>
public sealed class DeclinedCopyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("declined-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (string Path, string Sha256) Original(string text)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "store")).FullName, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, text);
        return (path, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }

    [Fact]
    public async Task PutAsync_AddsTheIdToTheName_WhenAnotherDocumentsFileHasIt()
    {
        var declined = Directory.CreateDirectory(Path.Combine(folder, "declined")).FullName;
        File.WriteAllText(Path.Combine(declined, "surat.pdf"), "another document");
        var (source, sha256) = Original("this document");
        var id = Guid.NewGuid();

        var pdf = await DeclinedCopy.PutAsync(declined, id, "surat.pdf", source, sha256, "ditolak / rejected", CancellationToken.None);

        Assert.Equal("another document", File.ReadAllText(Path.Combine(declined, "surat.pdf")));
        Assert.Equal(Path.Combine(declined, $"surat-{id:N}"[..14] + ".pdf"), pdf);
        Assert.Equal("this document", File.ReadAllText(pdf));
        Assert.Equal("ditolak / rejected", File.ReadAllText(Path.ChangeExtension(pdf, ".reason.txt")));
    }

    [Fact]
    public async Task PutAsync_ReturnsTheSameFiles_WhenRunTwice()
    {
        var declined = Directory.CreateDirectory(Path.Combine(folder, "declined")).FullName;
        var (source, sha256) = Original("this document");
        var id = Guid.NewGuid();

        var first = await DeclinedCopy.PutAsync(declined, id, "surat.pdf", source, sha256, "kedaluwarsa / expired", CancellationToken.None);
        var second = await DeclinedCopy.PutAsync(declined, id, "surat.pdf", source, sha256, "kedaluwarsa / expired", CancellationToken.None);

        Assert.Equal(Path.Combine(declined, "surat.pdf"), first);
        Assert.Equal(first, second);
        Assert.Equal(["surat.pdf", "surat.reason.txt"], Directory.GetFiles(declined).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
