using System.Globalization;
using System.Text.RegularExpressions;

namespace Worker.Pdf.Verification;

/// <summary>Parses PDF date strings (<c>D:YYYYMMDDHHmmSS+HH'mm'</c>, most parts optional).</summary>
internal static partial class PdfDate
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null) return null;
        var m = Pattern().Match(text);
        if (!m.Success) return null;
        int Part(string name, int fallback) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        var offset = m.Groups["sign"].Value switch
        {
            "+" => new TimeSpan(Part("oh", 0), Part("om", 0), 0),
            "-" => -new TimeSpan(Part("oh", 0), Part("om", 0), 0),
            _ => TimeSpan.Zero,
        };
        try
        {
            return new DateTimeOffset(Part("y", 1), Part("mo", 1), Part("d", 1), Part("h", 0), Part("mi", 0), Part("s", 0), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(D:)?(?<y>\d{4})(?<mo>\d{2})?(?<d>\d{2})?(?<h>\d{2})?(?<mi>\d{2})?(?<s>\d{2})?(?<sign>[Z+\-])?((?<oh>\d{2})'?(?<om>\d{2})?'?)?")]
    private static partial Regex Pattern();
}
