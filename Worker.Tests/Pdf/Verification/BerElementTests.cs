using Worker.Pdf.Verification;

namespace Worker.Tests.Pdf.Verification;

public class BerElementTests
{
    [Fact]
    public void Length_CountsNestedIndefiniteLengths_UpToTheEndOfContentsOctets()
    {
        // SEQUENCE (indefinite) { SEQUENCE (indefinite) { INTEGER 5 } EOC } EOC, then zero padding.
        byte[] data = [0x30, 0x80, 0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

        Assert.Equal(11, BerElement.Length(data, out var indefinite));
        Assert.True(indefinite);
    }

    [Fact]
    public void Length_IsTheDefiniteLength_WhenTheElementIsDer()
    {
        byte[] data = [0x30, 0x82, 0x00, 0x03, 0x02, 0x01, 0x07, 0x00, 0x00];

        Assert.Equal(7, BerElement.Length(data, out var indefinite));
        Assert.False(indefinite);
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x80, 0x02, 0x01, 0x05 })]          // no end-of-contents
    [InlineData(new byte[] { 0x02, 0x80, 0x00, 0x00 })]                // indefinite length on a primitive
    [InlineData(new byte[] { 0x30, 0x85, 0x01, 0x02, 0x03, 0x04, 0x05 })] // five length bytes
    [InlineData(new byte[] { 0x30, 0x05, 0x02, 0x01 })]                // longer than the data
    public void Length_IsNull_WhenTheEncodingIsBroken(byte[] data) => Assert.Null(BerElement.Length(data, out _));
}
