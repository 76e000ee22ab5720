using System.Globalization;

namespace Worker.Pdf.Stamp;

/// <summary>Numbers as content streams want them.</summary>
internal static class PdfNumber
{
    /// <summary>Invariant culture, at most three decimals, never "-0".</summary>
    public static string Format(double value)
    {
        var text = Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
