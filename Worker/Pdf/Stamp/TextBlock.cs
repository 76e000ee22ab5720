using System.Text;
using static Worker.Pdf.Stamp.PdfNumber;

namespace Worker.Pdf.Stamp;

/// <summary>Text items wrapped to a width at one block font size: how tall they are, and the operators that draw them.</summary>
internal sealed class TextBlock
{
    /// <summary>Line height as a share of the font size.</summary>
    public const double LineSpacing = 1.2;
    // Baseline sits this many font sizes under the top of its line, leaving room for accents and descenders.
    private const double BaselineDrop = 0.93;

    private readonly List<(StampLine Item, List<byte[]> Rows)> _items;

    private TextBlock(List<(StampLine, List<byte[]>)> items, double size, double width) => (_items, Size, Width) = (items, size, width);

    /// <summary>The block font size; each item is drawn at this times its scale.</summary>
    public double Size { get; }

    /// <summary>The width every row fits in.</summary>
    public double Width { get; }

    /// <summary>The height of all rows.</summary>
    public double Height => _items.Sum(i => i.Rows.Count * LineSpacing * Size * i.Item.Scale);

    /// <summary>Wraps <paramref name="items"/> at <paramref name="size"/> into <paramref name="width"/> points.</summary>
    public static TextBlock Wrap(IEnumerable<StampLine> items, double size, double width) =>
        new([.. items.Select(i => (i, LineWrapper.Wrap(i.Text, i.Font, size * i.Scale, width)))], size, width);

    /// <summary>Appends a BT…ET drawing the rows from <paramref name="top"/> down, left-aligned at <paramref name="left"/> or centred in the width.</summary>
    public void Draw(StringBuilder ops, double left, double top, bool centred)
    {
        ops.Append("BT\n");
        var lineTop = top;
        foreach (var (item, rows) in _items)
        {
            var size = Size * item.Scale;
            ops.Append($"/{item.Resource} {Format(size)} Tf {Format(item.Gray)} g\n");
            foreach (var row in rows)
            {
                var x = centred ? left + (Width - HelveticaMetrics.Width(row, item.Font, size)) / 2 : left;
                // Absolute positions (Tm) keep each row independent of the previous one's rounding.
                ops.Append($"1 0 0 1 {Format(x)} {Format(lineTop - BaselineDrop * size)} Tm ");
                WinAnsi.AppendLiteral(ops, row);
                ops.Append(" Tj\n");
                lineTop -= LineSpacing * size;
            }
        }
        ops.Append("ET\n");
    }
}
