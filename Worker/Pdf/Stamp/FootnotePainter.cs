using System.Text;

namespace Worker.Pdf.Stamp;

/// <summary>Draws the footnote at a page's foot: small grey text, centred and wrapped, on a transparent background.</summary>
public static class FootnotePainter
{
    /// <summary>The footnote's font size: the stamp's legible minimum.</summary>
    public const double FontSize = StampPainter.MinFontSize;

    /// <summary>Space kept free at the text's sides and under it, in points.</summary>
    public const double Margin = 10;

    /// <summary>Draws <paramref name="text"/> for a page <paramref name="pageWidth"/> points wide; the box spans the width between the margins.</summary>
    public static StampDrawing Draw(string text, double pageWidth)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var width = Math.Max(pageWidth - 2 * Margin, 1);
        var block = TextBlock.Wrap([new StampLine(text, StampPainter.RegularFont, StampFont.Regular, 1.0, 0.25)], FontSize, width);
        var ops = new StringBuilder(512);
        // Transparent on purpose: a footer or page number under it stays readable rather than hidden.
        block.Draw(ops, 0, block.Height, centred: true);
        return new StampDrawing(Encoding.ASCII.GetBytes(ops.ToString()), StampPainter.Fonts, width, block.Height);
    }
}
