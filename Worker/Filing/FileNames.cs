using System.Text;

namespace Worker.Filing;

/// <summary>File names that fit the file system: most allow 255 bytes (UTF-8) per name.</summary>
public static class FileNames
{
    public const int MaxBytes = 255;

    /// <summary>Used when nothing of a name is left after cleaning it.</summary>
    public const string Fallback = "dokumen.pdf";

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

    /// <summary>
    /// A name from outside (a dropped file, an upload, a claim ticket) reduced to one plain file name: its last path
    /// segment, without control or format characters, not "." or "..", at most <see cref="MaxBytes"/> bytes.
    /// </summary>
    public static string Plain(string? name)
    {
        var last = PlainText.Clean(name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..].Trim().TrimStart('.');
        if (last.Length == 0) return Fallback;
        return Encoding.UTF8.GetByteCount(last) <= MaxBytes ? last : Numbered(last, 1);
    }

    /// <summary>
    /// <paramref name="folder"/>/<paramref name="name"/> after checking that the resolved path stays directly inside the
    /// folder; a name that would leave it is a bug or an attack and throws.
    /// </summary>
    public static string Inside(string folder, string name)
    {
        var root = Path.GetFullPath(folder);
        var path = Path.GetFullPath(Path.Combine(root, name));
        if (!string.Equals(Path.GetDirectoryName(path), Path.TrimEndingDirectorySeparator(root), StringComparison.Ordinal))
            throw new InvalidOperationException($"the name '{name}' would leave the folder {root}");
        return path;
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
