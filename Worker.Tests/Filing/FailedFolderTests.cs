using System.Text;
using Worker.Filing;
using Worker.Tests.Support;

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

    [Fact]
    public void Put_NeverWritesThroughALink_WhenOneIsPlantedAtTheReasonFileName()
    {
        var victim = Path.Combine(folder, "victim.conf");
        File.WriteAllText(victim, "milik orang lain");
        var target = Directory.CreateDirectory(Path.Combine(folder, "failed")).FullName;
        File.CreateSymbolicLink(Path.Combine(target, "surat.pdf" + FailedFolder.ErrorSuffix), victim);
        File.CreateSymbolicLink(Path.Combine(target, "surat-2.pdf" + FailedFolder.ErrorSuffix), Path.Combine(folder, "belum-ada"));

        var put = FailedFolder.Put(Source("isi"), target, "surat.pdf", "alasan");

        Assert.Equal("milik orang lain", File.ReadAllText(victim));
        Assert.False(File.Exists(Path.Combine(folder, "belum-ada")));
        Assert.Equal(Path.Combine(target, "surat-3.pdf"), put);
        Assert.Equal("alasan", File.ReadAllText(put + FailedFolder.ErrorSuffix));
        Assert.Equal("isi", File.ReadAllText(put));
    }

    [Fact]
    public void Put_StaysInsideTheFolder_WhenTheNameTraverses()
    {
        var target = Directory.CreateDirectory(Path.Combine(folder, "failed")).FullName;
        var name = $"x-{Guid.NewGuid():N}";
        var put = FailedFolder.Put(Source("isi"), target, $"../../../../../tmp/{name}", "alasan");
        Assert.Equal(Path.Combine(target, name), put);
        Assert.False(File.Exists(Path.Combine("/tmp", name)));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void Put_MovesTheLinkItself_WhenTheRefusedFileIsASymlinkOrAFifo()
    {
        var secret = Path.Combine(folder, "signer.pass");
        File.WriteAllText(secret, "rahasia");
        var link = Path.Combine(folder, "tautan.pdf");
        File.CreateSymbolicLink(link, secret);
        var fifo = Fifo.Make(Path.Combine(folder, "pipa.pdf"));
        var target = Directory.CreateDirectory(Path.Combine(folder, "failed")).FullName;

        var movedLink = FailedFolder.Put(link, target, "tautan.pdf", "symlink");
        var movedFifo = FailedFolder.Put(fifo, target, "pipa.pdf", "fifo");

        Assert.Equal(secret, new FileInfo(movedLink).LinkTarget);
        Assert.Equal(FileKind.Other, UnixFile.LinkStatus(movedFifo)?.Kind);
        Assert.False(RegularFile.Taken(link));
        Assert.Equal("rahasia", File.ReadAllText(secret));
    }

    [Fact]
    public void Put_FilesA199CjkCharacterName_WithinTheByteLimit()
    {
        var put = FailedFolder.Put(Source("isi"), folder, new string('文', 199) + ".pdf", "alasan");
        Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(put + FailedFolder.ErrorSuffix)) <= 255);
        Assert.Equal("isi", File.ReadAllText(put));
    }

    [Fact]
    public void Put_CreatesTheReasonFileReadableOnlyByOwnerAndGroup()
    {
        var put = FailedFolder.Put(Source("isi"), folder, "surat.pdf", "alasan");
        FailedFolder.WriteBeside(put, ".json", "{}");
        Assert.Equal("640", Modes.Of(put + FailedFolder.ErrorSuffix));
        Assert.Equal("640", Modes.Of(put + ".json"));
    }

    [Fact]
    public void WriteBeside_LeavesTheLinkAndItsTarget_WhenALinkIsPlantedThere()
    {
        var victim = Path.Combine(folder, "victim.conf");
        File.WriteAllText(victim, "milik orang lain");
        var filed = Path.Combine(folder, "a.pdf");
        File.CreateSymbolicLink(filed + ".json", victim);
        FailedFolder.WriteBeside(filed, ".json", "tertimpa?");
        Assert.Equal("milik orang lain", File.ReadAllText(victim));
    }
}
