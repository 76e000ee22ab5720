using System.ComponentModel;
using System.Globalization;

namespace Worker.Configuration;

/// <summary><c>Worker:Routes:N:Stamp:Page</c>: "last" (any case, the default) or a page number from 1.</summary>
[TypeConverter(typeof(StampPageConverter))]
public readonly record struct StampPage
{
    /// <summary>The message for anything else, after the key and the value.</summary>
    public const string MustBe = "must be 'last' or a page number from 1";

    private StampPage(int? number) => Number = number;

    /// <summary>The last page of the document.</summary>
    public static StampPage Last => default;

    /// <summary>The page number from 1; null for the last page.</summary>
    public int? Number { get; }

    /// <summary>"last" or a whole number from 1, as written in the configuration.</summary>
    public static bool TryParse(string? text, out StampPage page)
    {
        page = Last;
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, "last", StringComparison.OrdinalIgnoreCase)) return true;
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return false;
        page = new StampPage(n);
        return true;
    }

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? "last";
}
