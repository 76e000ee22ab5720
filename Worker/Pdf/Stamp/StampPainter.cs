using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using static Worker.Pdf.Stamp.PdfNumber;

namespace Worker.Pdf.Stamp;

/// <summary>
/// Draws the visible signature stamp: border, QR code to the verification page, and the TTE lines. Text wraps and
/// shrinks down to <see cref="MinFontSize"/>; then the box grows up to <see cref="MaxGrowth"/> times its height; text
/// that still does not fit is refused, never cut.
/// </summary>
public static class StampPainter
{
    /// <summary>No line of the stamp is drawn smaller than this many points (legible when printed).</summary>
    public const double MinFontSize = 6;

    /// <summary>The box may grow to this many times the height it was given before the stamp is refused.</summary>
    public const double MaxGrowth = 2;

    internal const string RegularFont = "F1";
    internal const string BoldFont = "F2";
    private const double MaxFontSize = 9;
    private const double SmallScale = 0.9;
    private const double SizeStep = 0.25;
    private const double BorderWidth = 0.75;
    // The QR code never takes more than this share of the width, so the text keeps room.
    private const double MaxQrShare = 0.45;

    // Frozen because every drawing hands out this same instance.
    internal static readonly IReadOnlyDictionary<string, string> Fonts = new Dictionary<string, string>
    {
        [RegularFont] = "Helvetica",
        [BoldFont] = "Helvetica-Bold",
    }.ToFrozenDictionary();

    /// <summary>
    /// Draws <paramref name="content"/> in a box <paramref name="width"/> wide and at least <paramref name="height"/> high;
    /// throws <see cref="PdfRefusedException"/> when the text does not fit even at the smallest size in the tallest box.
    /// </summary>
    public static StampDrawing Draw(StampContent content, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(content);
        RequirePositive(width, nameof(width));
        RequirePositive(height, nameof(height));

        var inset = Math.Min(BorderWidth, Math.Min(width, height) / 4);
        // The QR code keeps the size the route asked for, so a taller box gives all its room to the text.
        var qrSide = Math.Min(height - 2 * inset, width * MaxQrShare);
        var pad = Math.Clamp(Math.Min(width, height) * 0.05, inset, 4);
        var left = inset + qrSide + pad / 2;
        var block = Layout(Lines(content), width - pad - left, height - 2 * pad);
        var boxHeight = Math.Max(height, block.Height + 2 * pad);
        if (boxHeight > height * MaxGrowth)
            throw new PdfRefusedException(PdfRefusal.DoesNotFit, string.Create(CultureInfo.InvariantCulture,
                $"stempel tidak muat: nama dan jabatan terlalu panjang untuk kotak {width:0.#} x {height:0.#} pt, walau huruf {MinFontSize} pt dan tinggi {height * MaxGrowth:0.#} pt / the stamp does not fit: name and position too long for a {width:0.#} x {height:0.#} pt box even at {MinFontSize} pt and {height * MaxGrowth:0.#} pt high"));

        var ops = new StringBuilder(4096);
        var (w, h) = (Format(width), Format(boxHeight));
        ops.Append($"q 0 0 {w} {h} re W n 1 g 0 0 {w} {h} re f\n");
        ops.Append($"{Format(inset)} w 0.2 G {Format(inset / 2)} {Format(inset / 2)} {Format(width - inset)} {Format(boxHeight - inset)} re S\n");
        DrawQr(ops, QrModules.Encode(content.VerifyUrl), inset, (boxHeight - qrSide) / 2, qrSide);
        block.Draw(ops, left, (boxHeight + block.Height) / 2, centred: false);
        ops.Append('Q');
        return new StampDrawing(Encoding.ASCII.GetBytes(ops.ToString()), Fonts, width, boxHeight);
    }

    // The largest size whose wrapped text fits the height; below the smallest legible size the box grows instead.
    private static TextBlock Layout(List<StampLine> lines, double width, double height)
    {
        var smallest = MinFontSize / lines.Select(l => l.Scale).DefaultIfEmpty(1).Min();
        if (width < MinFontSize)
            throw new PdfRefusedException(PdfRefusal.DoesNotFit, "stempel tidak muat: kotaknya terlalu sempit untuk teks / the stamp does not fit: its box is too narrow for text");
        for (var size = MaxFontSize; size > smallest; size -= SizeStep)
        {
            var block = TextBlock.Wrap(lines, size, width);
            if (block.Height <= height) return block;
        }
        return TextBlock.Wrap(lines, smallest, width);
    }

    private static List<StampLine> Lines(StampContent content)
    {
        List<StampLine> lines =
        [
            new(content.Heading, RegularFont, StampFont.Regular, SmallScale, 0.3),
            new(content.Position, RegularFont, StampFont.Regular, 1.0, 0),
            new(content.Office ?? "", RegularFont, StampFont.Regular, 1.0, 0),
            new(content.SignerName, BoldFont, StampFont.Bold, 1.0, 0),
            new(content.Rank ?? "", RegularFont, StampFont.Regular, SmallScale, 0),
            new(string.IsNullOrWhiteSpace(content.Nip) ? "" : $"NIP. {content.Nip.Trim()}", RegularFont, StampFont.Regular, SmallScale, 0),
            new(StampTime.Format(content), RegularFont, StampFont.Regular, SmallScale, 0.3),
            new(content.Reason ?? "", RegularFont, StampFont.Regular, SmallScale, 0.3),
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
        var module = Format(side / qr.Size);
        ops.Append($"q 0 g {module} 0 0 {module} {Format(x)} {Format(y)} cm\n");
        foreach (var (column, row, length) in qr.Runs)
        {
            ops.Append(CultureInfo.InvariantCulture, $"{column} {row} {length} 1 re\n");
        }
        ops.Append("f Q\n");
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The stamp's size must be a positive number of points.");
        }
    }
}
