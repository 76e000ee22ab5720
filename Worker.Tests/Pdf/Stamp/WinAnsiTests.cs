using System.Text;
using Worker.Pdf.Stamp;

namespace Worker.Tests.Pdf.Stamp;

public class WinAnsiTests
{
    [Theory]
    [InlineData("O'Neil", new byte[] { 0x4F, 0x27, 0x4E, 0x65, 0x69, 0x6C })]
    [InlineData("Ma’ruf", new byte[] { 0x4D, 0x61, 0x92, 0x72, 0x75, 0x66 })]
    [InlineData("José", new byte[] { 0x4A, 0x6F, 0x73, 0xE9 })]
    [InlineData("Ñü€…", new byte[] { 0xD1, 0xFC, 0x80, 0x85 })]
    public void Encode_MapsToWinAnsiBytes_WhenCharactersAreInWinAnsi(string text, byte[] expected)
    {
        Assert.Equal(expected, WinAnsi.Encode(text));
    }

    [Fact]
    public void Encode_ComposesAccents_WhenTextIsDecomposed()
    {
        Assert.Equal(new byte[] { 0x4A, 0x6F, 0x73, 0xE9 }, WinAnsi.Encode("Jose\u0301"));
    }

    [Fact]
    public void Encode_WritesOneQuestionMarkPerCharacter_WhenCharactersAreOutsideWinAnsi()
    {
        Assert.Equal("Nguy?n ? ? ?"u8.ToArray(), WinAnsi.Encode("Nguyễn 王 😀 \u0081"));
    }

    [Fact]
    public void AppendLiteral_EscapesDelimitersAndHighBytes_WhenWritingAString()
    {
        var output = new StringBuilder();

        WinAnsi.AppendLiteral(output, WinAnsi.Encode(@"(a) \ Ma’ruf"));

        Assert.Equal(@"(\(a\) \\ Ma\222ruf)", output.ToString());
    }
}
