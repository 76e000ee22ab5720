using System.Text;
using Worker.Filing;
using Worker.Tests.Support;

namespace Worker.Tests.Filing;

public sealed class FileStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("archive-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Temporary(string text)
    {
        var target = Path.Combine(folder, "2026", "12", "x.pdf");
        var temporary = FileStore.TemporaryBeside(target);
        File.WriteAllText(temporary, text);
        return temporary;
    }

    [Fact]
    public void MoveToFreeName_SkipsAPlantedLink_AndNeverWritesThroughIt()
    {
        var victim = Path.Combine(folder, "victim.conf");
        File.WriteAllText(victim, "milik orang lain");
        var target = Path.Combine(folder, "2026", "12", "surat.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.CreateSymbolicLink(target, victim);
        File.CreateSymbolicLink(FileStore.WithSuffix(target, 2), Path.Combine(folder, "belum-ada"));

        var filed = FileStore.MoveToFreeName(Temporary("ditandatangani"), FileStore.FirstFreeName(target));

        Assert.Equal(FileStore.WithSuffix(target, 3), filed);
        Assert.Equal("milik orang lain", File.ReadAllText(victim));
        Assert.False(File.Exists(Path.Combine(folder, "belum-ada")));
        Assert.Equal("ditandatangani", File.ReadAllText(filed));
    }

    [Fact]
    public void MoveToFreeName_FilesTheArchiveCopyReadableOnlyByOwnerAndGroup()
    {
        var filed = FileStore.MoveToFreeName(Temporary("ditandatangani"), Path.Combine(folder, "2026", "12", "surat.pdf"));
        Assert.Equal("640", Modes.Of(filed));
    }

    [Fact]
    public void ArchivePath_FilesA199CjkCharacterName_AndStripsBidiOverrides()
    {
        var template = Path.Combine(folder, "{yyyy}", "{MM}", "{name}.pdf");
        var target = ArchivePath.Resolve(template, new DateTime(2026, 12, 1), new string('文', 199) + "\u202E.pdf", Guid.NewGuid());
        var name = Path.GetFileName(target);
        Assert.True(Encoding.UTF8.GetByteCount(name) <= 255, $"{Encoding.UTF8.GetByteCount(name)} bytes");
        Assert.DoesNotContain('\u202E', name);
        var filed = FileStore.MoveToFreeName(Temporary("ditandatangani"), target);
        Assert.Equal("ditandatangani", File.ReadAllText(filed));
        // The next one with the same name still fits with its counter.
        var second = FileStore.MoveToFreeName(Temporary("kedua"), FileStore.FirstFreeName(target));
        Assert.EndsWith("-2.pdf", second);
    }
}
