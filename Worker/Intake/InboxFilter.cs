using System.IO.Enumeration;
using RouteOptions = Worker.Configuration.RouteOptions;

namespace Worker.Intake;

/// <summary>Which names in an inbox are documents to take: the route's patterns, minus temporary and partial files.</summary>
public sealed class InboxFilter(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
{
    /// <summary>The suffix of a sidecar file: NAME.pdf.json describes NAME.pdf.</summary>
    public const string SidecarSuffix = ".json";

    // Office lock files, browser and copy-tool partial downloads: their real file arrives under another name.
    private static readonly string[] TemporaryPrefixes = [".", "~$"];
    private static readonly string[] TemporarySuffixes = [".tmp", ".part", ".crdownload", SidecarSuffix];

    public static InboxFilter For(RouteOptions route) =>
        new(route.Include.Count > 0 ? route.Include : ["*.pdf"], route.Exclude);

    /// <summary>True when a file of this name should be taken (case-insensitive patterns).</summary>
    public bool Takes(string name)
    {
        if (name.Length == 0) return false;
        if (TemporaryPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))) return false;
        if (TemporarySuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))) return false;
        if (!include.Any(p => Matches(p, name))) return false;
        return !exclude.Any(p => Matches(p, name));
    }

    private static bool Matches(string pattern, string name) => FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: true);
}
