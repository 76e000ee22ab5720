using System.Text;
using Worker.Filing;

namespace Worker.Tests.Filing;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("../../../../../tmp/x", "x")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("..", FileNames.Fallback)]
    [InlineData("", FileNames.Fallback)]
    [InlineData("surat\u202Efdp.exe", "suratfdp.exe")]
    [InlineData("baris\nbaru.pdf", "baris baru.pdf")]
    public void Plain_ReducesToOneNameInsideItsFolder_WhenTheNameCameFromOutside(string name, string expected)
    {
        var plain = FileNames.Plain(name);
        Assert.Equal(expected, plain);
        var folder = Path.Combine(Path.GetTempPath(), "gagal");
        Assert.Equal(folder, Path.GetDirectoryName(FileNames.Inside(folder, plain)));
    }

    [Fact]
    public void Plain_TrimsByUtf8Bytes_WhenTheNameIs199CjkCharacters()
    {
        var name = new string('文', 199) + ".pdf";
        var plain = FileNames.Plain(name);
        Assert.True(Encoding.UTF8.GetByteCount(plain) <= 255, $"{Encoding.UTF8.GetByteCount(plain)} bytes");
        Assert.EndsWith(".pdf", plain);
        Assert.StartsWith("文文文", plain);
    }

    [Fact]
    public void Inside_Throws_WhenTheNameWouldLeaveTheFolder()
    {
        Assert.Throws<InvalidOperationException>(() => FileNames.Inside("/srv/gagal", "../x"));
        Assert.Throws<InvalidOperationException>(() => FileNames.Inside("/srv/gagal", "a/b"));
    }
}
