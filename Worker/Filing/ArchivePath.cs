using System.Text;

namespace Worker.Filing;

/// <summary>Turns a route's archive template ({yyyy} {MM} {dd} {name} {id}) into a path.</summary>
public static class ArchivePath
{
    /// <param name="template">The route's Archive setting.</param>
    /// <param name="filedAt">Local (WITA) filing time, for the date placeholders.</param>
    /// <param name="sourceName">The dropped file's name; its base name becomes {name}.</param>
    /// <param name="id">The document id.</param>
    public static string Resolve(string template, DateTime filedAt, string sourceName, Guid id) =>
        template
            .Replace("{yyyy}", filedAt.ToString("yyyy"))
            .Replace("{MM}", filedAt.ToString("MM"))
            .Replace("{dd}", filedAt.ToString("dd"))
            .Replace("{name}", SafeName(Path.GetFileNameWithoutExtension(sourceName)))
            .Replace("{id}", id.ToString("N"));

    /// <summary>Bytes kept for {name}, so "-N", ".pdf" and a few template letters still fit the 255-byte name limit.</summary>
    public const int MaxNameBytes = 200;

    /// <summary>A file name any share accepts: no separators, control or format characters, not too long for the path limits of Windows clients.</summary>
    public static string SafeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in PlainText.Clean(name).Normalize(NormalizationForm.FormC))
            builder.Append(c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        var safe = builder.ToString().Trim().TrimStart('.');
        safe = FileNames.Shorten(safe, MaxNameBytes);
        return safe.Length == 0 ? "dokumen" : safe;
    }
}
