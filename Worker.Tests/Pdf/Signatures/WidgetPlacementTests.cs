using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;

namespace Worker.Tests.Pdf.Signatures;

public class WidgetPlacementTests
{
    private static PageInfo Page(int rotate, PdfBox? crop = null) => new()
    {
        Index = 0,
        Reference = new UglyToad.PdfPig.Core.IndirectReference(1, 0),
        Dictionary = UglyToad.PdfPig.Tokens.DictionaryToken.Empty,
        MediaBox = new PdfBox(0, 0, 600, 800),
        CropBox = crop ?? new PdfBox(0, 0, 600, 800),
        Rotate = rotate,
    };

    [Theory]
    [InlineData(0, 10, 20, 110, 70)]
    [InlineData(90, 530, 10, 580, 110)]
    [InlineData(180, 490, 730, 590, 780)]
    [InlineData(270, 20, 690, 70, 790)]
    public void For_MapsVisibleRectangleToUnrotatedSpace(int rotate, double left, double bottom, double right, double top)
    {
        var placement = WidgetPlacement.For(Page(rotate), x: 10, y: 20, width: 100, height: 50);

        Assert.Equal(new PdfBox(left, bottom, right, top), placement.Rect);
        Assert.Equal(100, placement.Width);
        Assert.Equal(50, placement.Height);
    }

    [Fact]
    public void For_MovesRectangleInsideCropBox_WhenItReachesPastThePage()
    {
        var placement = WidgetPlacement.For(Page(0, new PdfBox(50, 50, 550, 750)), x: 450, y: -30, width: 100, height: 50);

        Assert.Equal(new PdfBox(450, 50, 550, 100), placement.Rect);
    }

    [Fact]
    public void For_ShrinksRectangle_WhenLargerThanThePage()
    {
        var placement = WidgetPlacement.For(Page(90), x: 0, y: 0, width: 2000, height: 100);

        Assert.Equal(800, placement.Width);
        Assert.Equal(new PdfBox(500, 0, 600, 800), placement.Rect);
    }
}
