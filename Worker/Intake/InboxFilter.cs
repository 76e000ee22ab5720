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

    // Windows writes these into shared folders by itself; refusing them would mail the clerks about files they never dropped.
    private static readonly HashSet<string> SystemFiles = new(StringComparer.OrdinalIgnoreCase) { "Thumbs.db", "ehthumbs.db", "desktop.ini" };

    public static InboxFilter For(RouteOptions route) =>
        new(route.Include.Count > 0 ? route.Include : ["*.pdf"], route.Exclude);

    /// <summary>True when a file of this name should be taken (case-insensitive patterns).</summary>
    public bool Takes(string name) => !Transient(name) && Refusal(name) is null;

    /// <summary>
    /// True when the file gets an answer: taken, or refused by name into failed/ with a reason, because nothing a clerk
    /// drops may stay in the inbox silently. Only temporary and partial files, whose real file comes later, get none.
    /// </summary>
    public bool Answers(string name) => !Transient(name);

    /// <summary>Why a file of this name is refused (its type or an excluded pattern), or null when the name is fine.</summary>
    public IntakeProblem? Refusal(string name)
    {
        if (!include.Any(p => Matches(p, name))) return IntakeProblem.NotAccepted(name, include);
        return exclude.FirstOrDefault(p => Matches(p, name)) is { } pattern ? IntakeProblem.Excluded(pattern) : null;
    }

    private static bool Transient(string name) =>
        name.Length == 0
        || TemporaryPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
        || TemporarySuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
        || SystemFiles.Contains(name);

    private static bool Matches(string pattern, string name) => FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: true);
}
