using Worker.Filing;

namespace Worker.Tests.Filing;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Surat \u202Etxt.exe", "Surat txt.exe")]
    [InlineData("Nota\u200B Dinas\u2066\u2069", "Nota Dinas")]
    [InlineData("Judul\r\nAlasan: palsu", "Judul Alasan: palsu")]
    [InlineData("a\u0000b\u0007c\u001Bd", "abcd")]
    [InlineData("  Surat\tTugas  ", "Surat Tugas")]
    [InlineData("Undangan 会議 🗂", "Undangan 会議 🗂")]
    public void Clean_RemovesControlAndFormatCharacters_AndKeepsEverythingElse(string text, string expected) =>
        Assert.Equal(expected, PlainText.Clean(text));

    [Fact]
    public void CleanOrNull_IsNull_WhenNothingIsLeft()
    {
        Assert.Null(PlainText.CleanOrNull("\u202E\u200B\n"));
        Assert.Null(PlainText.CleanOrNull(null));
    }
}
