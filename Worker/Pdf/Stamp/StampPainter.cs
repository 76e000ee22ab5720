using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Worker.Pdf.Stamp;

/// <summary>Draws the visible signature stamp: border, QR code to the verification page, and the signer's lines.</summary>
public static class StampPainter
{
    private const string RegularFont = "F1";
    private const string BoldFont = "F2";
    private const double MaxFontSize = 9;
    private const double LineSpacing = 1.2;
    // Baseline sits this many font sizes under the top of its line, leaving room for accents and descenders.
    private const double BaselineDrop = 0.93;
    // A line may shrink to this share of its size before it is cut with an ellipsis.
    private const double MinShrink = 0.7;
    // Below this size print stops being legible, so a line that fits alone is cut rather than shrunk further.
    private const double MinLegibleSize = 4.5;
    private const double BorderWidth = 0.75;
    // The QR code never takes more than this share of the width, so the text keeps room.
    private const double MaxQrShare = 0.45;

    // Frozen because every drawing hands out this same instance.
    private static readonly IReadOnlyDictionary<string, string> Fonts = new Dictionary<string, string>
    {
        [RegularFont] = "Helvetica",
        [BoldFont] = "Helvetica-Bold",
    }.ToFrozenDictionary();

    /// <summary>Draws <paramref name="content"/> in a box of <paramref name="width"/> × <paramref name="height"/> points.</summary>
    public static StampDrawing Draw(StampContent content, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(content);
        RequirePositive(width, nameof(width));
        RequirePositive(height, nameof(height));

        var ops = new StringBuilder(4096);
        var w = Num(width);
        var h = Num(height);
        ops.Append($"q 0 0 {w} {h} re W n 1 g 0 0 {w} {h} re f\n");
        var inset = Math.Min(BorderWidth, Math.Min(width, height) / 4);
        ops.Append($"{Num(inset)} w 0.2 G {Num(inset / 2)} {Num(inset / 2)} {Num(width - inset)} {Num(height - inset)} re S\n");

        var qrSide = Math.Min(height - 2 * inset, width * MaxQrShare);
        DrawQr(ops, QrModules.Encode(content.VerifyUrl), inset, (height - qrSide) / 2, qrSide);

        var pad = Math.Clamp(Math.Min(width, height) * 0.05, inset, 4);
        var textBox = (Left: inset + qrSide + pad / 2, Bottom: pad, Right: width - pad, Top: height - pad);
        DrawLines(ops, Lines(content), textBox);

        ops.Append('Q');
        return new StampDrawing(Encoding.ASCII.GetBytes(ops.ToString()), Fonts);
    }

    private static List<StampLine> Lines(StampContent content)
    {
        List<StampLine> lines =
        [
            new(content.Heading, RegularFont, StampFont.Regular, 0.85, 0.3, FitsAlone: false),
            new(content.SignerName, BoldFont, StampFont.Bold, 1.0, 0, FitsAlone: false),
            new(content.Position, RegularFont, StampFont.Regular, 1.0, 0, FitsAlone: false),
            new(WitaTime.Format(content.SignedAt), RegularFont, StampFont.Regular, 1.0, 0, FitsAlone: false),
            // Reasons are often long; letting one shrink the whole block would punish the name.
            new(content.Reason ?? "", RegularFont, StampFont.Regular, 0.85, 0.3, FitsAlone: true),
        ];
        lines.RemoveAll(line => string.IsNullOrWhiteSpace(line.Text));
        return lines;
    }

    private static void DrawQr(StringBuilder ops, QrModules qr, double x, double y, double side)
    {
        if (side <= 0)
        {
            return;
        }
        // Scale to module units so every rectangle is written in small whole numbers.
        var module = Num(side / qr.Size);
        ops.Append($"q 0 g {module} 0 0 {module} {Num(x)} {Num(y)} cm\n");
        foreach (var (column, row, length) in qr.Runs)
        {
            ops.Append(CultureInfo.InvariantCulture, $"{column} {row} {length} 1 re\n");
        }
        ops.Append("f Q\n");
    }

    private static void DrawLines(StringBuilder ops, List<StampLine> lines, (double Left, double Bottom, double Right, double Top) box)
    {
        var available = box.Right - box.Left;
        var totalScale = lines.Sum(line => line.Scale);
        if (available <= 0 || box.Top <= box.Bottom || totalScale == 0)
        {
            return;
        }
        var size = Math.Min(MaxFontSize, (box.Top - box.Bottom) / (LineSpacing * totalScale));
        size = Math.Floor(size * BlockShrink(lines, size, available) * 1000) / 1000;
        var blockHeight = LineSpacing * size * totalScale;
        var lineTop = (box.Top + box.Bottom + blockHeight) / 2;

        ops.Append("BT\n");
        var previousBaseline = 0.0;
        var first = true;
        foreach (var line in lines)
        {
            var lineSize = size * line.Scale;
            var minSize = line.FitsAlone ? Math.Min(lineSize, Math.Max(lineSize * MinShrink, MinLegibleSize)) : lineSize;
            var fitted = LineFitter.Fit(line.Text, line.Font, lineSize, minSize, available);
            var baseline = lineTop - BaselineDrop * lineSize;
            lineTop -= LineSpacing * lineSize;
            var move = first ? $"{Num(box.Left)} {Num(baseline)}" : $"0 {Num(baseline - previousBaseline)}";
            ops.Append($"/{line.Resource} {Num(fitted.Size)} Tf {Num(line.Gray)} g {move} Td ");
            WinAnsi.AppendLiteral(ops, fitted.Text);
            ops.Append(" Tj\n");
            previousBaseline = baseline;
            first = false;
        }
        ops.Append("ET\n");
    }

    // One factor for the lines that share a size, so they stay alike; lines still too wide are cut later.
    private static double BlockShrink(List<StampLine> lines, double size, double available)
    {
        var factor = 1.0;
        foreach (var line in lines.Where(line => !line.FitsAlone))
        {
            var width = HelveticaMetrics.Width(WinAnsi.Encode(line.Text.Trim()), line.Font, size * line.Scale);
            factor = Math.Min(factor, available / width);
        }
        return Math.Max(MinShrink, factor);
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The stamp's size must be a positive number of points.");
        }
    }

    // PDF numbers: invariant culture, at most three decimals, never "-0".
    private static string Num(double value)
    {
        var text = Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
