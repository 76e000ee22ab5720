using System.Globalization;
using System.Text;

namespace Worker.Filing;

/// <summary>Text from outside made safe to show and log: no control or format characters (bidi overrides, zero-width marks).</summary>
public static class PlainText
{
    /// <summary>
    /// <paramref name="text"/> without Unicode categories Cc and Cf; a control character that is white space (a newline,
    /// a tab) becomes one space, so it can neither inject a line into a log or reason file nor glue two words together.
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Control)
            {
                if (Rune.IsWhiteSpace(rune) && builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
                continue;
            }
            if (category == UnicodeCategory.Format) continue;
            builder.Append(rune.ToString());
        }
        return builder.ToString().Trim();
    }

    /// <summary><see cref="Clean(string)"/> for an optional field; empty becomes null.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text) is { Length: > 0 } clean ? clean : null;
}
