using System.Text;
using Worker.Filing;

namespace Worker.Tests.Filing;

public sealed class FailedFolderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("failed-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Source(string text)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Put_NumbersTheName_WhenTheNameIsTaken()
    {
        var target = Directory.CreateDirectory(Path.Combine(folder, "failed")).FullName;
        File.WriteAllText(Path.Combine(target, "surat.pdf"), "someone else's");

        var first = FailedFolder.Put(Source("one"), target, "surat.pdf", "reason one");
        var second = FailedFolder.Put(Source("two"), target, "surat.pdf", "reason two");

        Assert.Equal("someone else's", File.ReadAllText(Path.Combine(target, "surat.pdf")));
        Assert.Equal(Path.Combine(target, "surat-2.pdf"), first);
        Assert.Equal(Path.Combine(target, "surat-3.pdf"), second);
        Assert.Equal("reason one", File.ReadAllText(first + FailedFolder.ErrorSuffix));
        Assert.Equal("two", File.ReadAllText(second));
    }

    [Fact]
    public void Put_ShortensTheName_SoTheErrorFileFitsTheFileSystem()
    {
        var name = string.Concat(Enumerable.Repeat("ü", 150)) + ".pdf";
        var put = FailedFolder.Put(Source("x"), folder, name, "why");
        Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(put + FailedFolder.ErrorSuffix)) <= 255);
        Assert.EndsWith(".pdf", put);
        Assert.Equal("why", File.ReadAllText(put + FailedFolder.ErrorSuffix));
    }

    [Fact]
    public void WriteBeside_KeepsTheExistingFile_WhenOneIsThere()
    {
        var filed = Path.Combine(folder, "a.pdf");
        File.WriteAllText(filed + ".json", "first");
        FailedFolder.WriteBeside(filed, ".json", "second");
        Assert.Equal("first", File.ReadAllText(filed + ".json"));
    }
}
