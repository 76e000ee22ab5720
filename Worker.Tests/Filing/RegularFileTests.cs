using System.Diagnostics;
using Worker.Filing;
using Worker.Tests.Support;

namespace Worker.Tests.Filing;

public sealed class RegularFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("regular-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void OpenRead_RefusesWithoutReadingTheTarget_WhenThePathIsASymlink()
    {
        var secret = Path.Combine(folder, "signer.pass");
        File.WriteAllText(secret, "rahasia");
        var link = Path.Combine(folder, "surat.pdf.json");
        File.CreateSymbolicLink(link, secret);

        var refused = Assert.Throws<RefusedFileException>(() => RegularFile.OpenRead(link, 1024));
        Assert.Equal(FileRefusal.Link, refused.Refusal);
        Assert.Throws<RefusedFileException>(() => RegularFile.ReadAllText(Path.Combine(folder, "surat.pdf.json"), 1024));
    }

    [Fact]
    public void OpenRead_RefusesAtOnce_WhenThePathIsAFifoWithNoWriter()
    {
        var fifo = Fifo.Make(Path.Combine(folder, "surat.pdf.json"));
        var watch = Stopwatch.StartNew();
        var refused = Assert.Throws<RefusedFileException>(() => RegularFile.OpenRead(fifo, 1024));
        Assert.Equal(FileRefusal.NotRegular, refused.Refusal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void OpenRead_RefusesByTheHandlesSize_WhenTheFileIsLargerThanAllowed()
    {
        var big = Path.Combine(folder, "besar.pdf");
        File.WriteAllBytes(big, new byte[2048]);
        var refused = Assert.Throws<RefusedFileException>(() => RegularFile.OpenRead(big, 1024));
        Assert.Equal(FileRefusal.TooBig, refused.Refusal);
        Assert.Equal(2048, refused.Size);
        using var fits = RegularFile.OpenRead(big, 2048);
        Assert.Equal(2048, fits.Length);
    }

    [Fact]
    public void OpenRead_RefusesAFolder_AsNotRegular()
    {
        var refused = Assert.Throws<RefusedFileException>(() => RegularFile.OpenRead(folder, 1024));
        Assert.Equal(FileRefusal.NotRegular, refused.Refusal);
    }

    [Fact]
    public void Taken_IsTrue_ForALinkToNowhere()
    {
        var dangling = Path.Combine(folder, "hilang.txt");
        File.CreateSymbolicLink(dangling, Path.Combine(folder, "tidak-ada"));
        Assert.True(RegularFile.Taken(dangling));
        Assert.False(RegularFile.Taken(Path.Combine(folder, "kosong")));
    }
}
