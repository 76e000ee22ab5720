using System.Text.RegularExpressions;
using Worker.Tests.Support;

namespace Worker.Tests.Architecture;

/// <summary>The code keeps the picture <c>Worker/folder-graph.txt</c> declares, and the README shows it.</summary>
public sealed partial class FolderGraphTests
{
    private static readonly string Worker = Path.Combine(RepoPaths.Root, "Worker");
    private static readonly FolderGraph Declared = FolderGraph.Parse(File.ReadAllText(Path.Combine(Worker, "folder-graph.txt")));

    [Fact]
    public void Worker_HasOnlyTheArrowsTheGraphDeclares()
    {
        Assert.Empty(Declared.Undeclared(FolderReferences.Of(typeof(Program).Assembly)));
    }

    [Fact]
    public void Graph_HasNoCycle()
    {
        Assert.Empty(Declared.Cycle());
    }

    [Fact]
    public void Graph_NamesEveryFolderOfWorker_AndOnlyThose()
    {
        var folders = Directory.GetDirectories(Worker).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj")).Order(StringComparer.Ordinal);
        Assert.Equal(folders, Declared.Folders.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(Declared.Folders.SelectMany(f => f.MayUse), to => Assert.Contains(to, Declared.Folders.Select(f => f.Name)));
    }

    [Fact]
    public void Undeclared_NamesTheArrow_WhenAFixtureGraphLeavesOutOneTheCodeHas()
    {
        var wrong = FolderGraph.Parse(File.ReadAllText(Path.Combine(Worker, "folder-graph.txt"))
            .Replace("| Configuration, Filing, Metrics, Notifications, Pdf, Persistence", "| Configuration, Filing, Metrics, Notifications, Persistence", StringComparison.Ordinal));

        var undeclared = wrong.Undeclared(FolderReferences.Of(typeof(Program).Assembly));

        Assert.Contains(undeclared, u => u.StartsWith("Signing -> Pdf (", StringComparison.Ordinal));
    }

    [Fact]
    public void Cycle_FindsIt_WhenAFixtureGraphHasOne()
    {
        var graph = FolderGraph.Parse("A | a | B\nB | b | C\nC | c | A, D\nD | d | -\n");
        Assert.Equal(["A", "B", "C", "A"], graph.Cycle());
    }

    [Fact]
    public void Readme_ShowsTheDeclaredGraph()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var block = ReadmeBlock().Match(readme);
        Assert.True(block.Success, "README.md has no <!-- folder-graph --> ... <!-- /folder-graph --> block");
        Assert.True(block.Groups[1].Value.Trim() == Declared.Readme().Trim(), "README's folder graph differs from Worker/folder-graph.txt; paste:\n" + Declared.Readme());
    }

    [Fact]
    public void SourceOutsidePersistence_HoldsNoSql()
    {
        var offending = Directory.EnumerateFiles(Worker, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(Worker, "Persistence") + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Sql().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepoPaths.Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(offending);
    }

    [GeneratedRegex(@"<!-- folder-graph -->(.*?)<!-- /folder-graph -->", RegexOptions.Singleline)]
    private static partial Regex ReadmeBlock();

    // SQL as it is written in this project: a statement keyword at the start of a string, or a schema-qualified table.
    [GeneratedRegex(@"""\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE (TABLE|INDEX)|ALTER TABLE)\s|\b(worker|hangfire)\.[a-z_]+\s+(SET|WHERE)\b")]
    private static partial Regex Sql();
}
