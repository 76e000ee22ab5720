using System.Text;

namespace Worker.Filing;

/// <summary>File names that fit the file system: most allow 255 bytes (UTF-8) per name.</summary>
public static class FileNames
{
    public const int MaxBytes = 255;

    /// <summary>
    /// <paramref name="name"/> with " -N" style counter (none for 1), its stem shortened so that the name plus
    /// <paramref name="reserve"/> (a suffix written beside it, such as ".error.txt") still fits.
    /// </summary>
    public static string Numbered(string name, int n, string reserve = "")
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > 16) extension = "";
        var stem = name[..^extension.Length];
        var counter = n <= 1 ? "" : $"-{n}";
        var room = MaxBytes - Encoding.UTF8.GetByteCount(counter + extension + reserve);
        return Shorten(stem, room) + counter + extension;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that is at most <paramref name="maxBytes"/> in UTF-8, never splitting a character.</summary>
    public static string Shorten(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;
        var bytes = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes) break;
            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }
        return text[..end];
    }
}
