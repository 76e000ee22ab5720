using System.Text.RegularExpressions;
using Worker.Tests.Support;

namespace Worker.Tests.Architecture;

/// <summary>The README tells a newcomer which file holds a behaviour; a file moved or renamed must not leave it pointing nowhere.</summary>
public sealed partial class ReadmeFileReferencesTests
{
    // `Intake/FileClaimer.cs`, `Worker/Hosting/Middleware.cs`, `Pdf/Writing/`: paths in backticks that start with a folder of Worker/.
    [GeneratedRegex(@"`(?:Worker/)?(?<path>[A-Z][A-Za-z]+/[A-Za-z0-9_./]*)`")]
    private static partial Regex CodePath();

    [Fact]
    public void EveryWorkerPathTheReadmeNames_Exists()
    {
        var worker = Path.Combine(RepoPaths.Root, "Worker");
        var folders = Directory.GetDirectories(worker).Select(Path.GetFileName).ToHashSet();
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var named = CodePath().Matches(readme)
            .Select(m => m.Groups["path"].Value)
            .Where(p => folders.Contains(p.Split('/')[0]) && (p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith('/')))
            .Distinct()
            .ToList();
        Assert.True(named.Count > 20, $"only {named.Count} Worker paths found in the README; did the pattern break?");
        var missing = named.Where(p => !File.Exists(Path.Combine(worker, p)) && !Directory.Exists(Path.Combine(worker, p))).ToList();
        Assert.True(missing.Count == 0, "README names files that do not exist under Worker/: " + string.Join(", ", missing));
    }
}
