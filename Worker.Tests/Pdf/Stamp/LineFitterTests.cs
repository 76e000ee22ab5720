using Worker.Pdf.Stamp;

namespace Worker.Tests.Pdf.Stamp;

public class LineFitterTests
{
    [Fact]
    public void Fit_KeepsTextAndSize_WhenTextFits()
    {
        var fitted = LineFitter.Fit("Kepala Dinas", StampFont.Regular, 9, 6, 200);

        Assert.Equal("Kepala Dinas"u8.ToArray(), fitted.Text);
        Assert.Equal(9, fitted.Size);
    }

    [Fact]
    public void Fit_ShrinksTheFont_WhenTextIsSlightlyTooWide()
    {
        var natural = HelveticaMetrics.Width("Kepala Dinas"u8, StampFont.Regular, 9);

        var fitted = LineFitter.Fit("Kepala Dinas", StampFont.Regular, 9, 6, natural * 0.9);

        Assert.Equal("Kepala Dinas"u8.ToArray(), fitted.Text);
        Assert.InRange(fitted.Size, 6, 9 * 0.9);
        Assert.True(fitted.Width <= natural * 0.9);
    }

    [Fact]
    public void Fit_CutsWithAnEllipsis_WhenTextIsTooWideEvenAtTheMinimumSize()
    {
        var fitted = LineFitter.Fit("Andi Muhammad Sulaiman Abdurrahman", StampFont.Bold, 9, 6, 60);

        Assert.Equal(6, fitted.Size);
        Assert.Equal(WinAnsi.Ellipsis, fitted.Text[^1]);
        Assert.StartsWith("Andi", System.Text.Encoding.Latin1.GetString(fitted.Text));
        Assert.True(fitted.Width <= 60);
        Assert.Equal(fitted.Width, HelveticaMetrics.Width(fitted.Text, StampFont.Bold, 6));
    }

    [Fact]
    public void Fit_DropsTheSpaceBeforeTheEllipsis_WhenTheCutFallsAfterAWord()
    {
        var width = HelveticaMetrics.Width("Andi \u0085"u8, StampFont.Regular, 6) + 0.1;

        var fitted = LineFitter.Fit("Andi Muhammad", StampFont.Regular, 9, 6, width);

        Assert.Equal("Andi"u8.ToArray().Append(WinAnsi.Ellipsis), fitted.Text);
    }

    [Fact]
    public void Fit_ReturnsNothing_WhenNotEvenAnEllipsisFits()
    {
        var fitted = LineFitter.Fit("Andi", StampFont.Regular, 9, 6, 1);

        Assert.Empty(fitted.Text);
    }
}
