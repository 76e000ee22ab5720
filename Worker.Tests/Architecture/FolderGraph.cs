using System.Text;

namespace Worker.Tests.Architecture;

/// <summary>The declared picture of <c>Worker/</c> (<c>Worker/folder-graph.txt</c>): each folder, what it owns, the folders it may use.</summary>
public sealed record FolderGraph(IReadOnlyList<FolderGraph.Folder> Folders)
{
    /// <summary>One line of the file.</summary>
    public sealed record Folder(string Name, string Owns, IReadOnlyList<string> MayUse);

    public static FolderGraph Parse(string text) => new([.. text.Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries) is [var name, var owns, var uses]
            ? new Folder(name, owns, uses == "-" ? [] : [.. uses.Split(',', StringSplitOptions.TrimEntries)])
            : throw new FormatException($"not 'folder | owns | may use': {line}"))]);

    /// <summary>Every arrow of <paramref name="real"/> the graph does not allow, as "From -> To (where)".</summary>
    public IReadOnlyList<string> Undeclared(IEnumerable<FolderReferences.Arrow> real) =>
        [.. real.Where(a => Folders.FirstOrDefault(f => f.Name == a.From) is not { } from || !from.MayUse.Contains(a.To))
            .Select(a => $"{a.From} -> {a.To} ({a.Example})")];

    /// <summary>The folders of one cycle of declared arrows, or empty when there is none.</summary>
    public IReadOnlyList<string> Cycle()
    {
        var state = new Dictionary<string, int>(); // 1 on the path, 2 done
        var path = new List<string>();
        List<string>? Visit(string name)
        {
            if (state.GetValueOrDefault(name) == 2) return null;
            if (state.GetValueOrDefault(name) == 1) return [.. path.SkipWhile(p => p != name), name];
            state[name] = 1;
            path.Add(name);
            foreach (var next in Folders.FirstOrDefault(f => f.Name == name)?.MayUse ?? [])
                if (Visit(next) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
            return null;
        }
        return Folders.Select(f => Visit(f.Name)).FirstOrDefault(c => c is not null) ?? [];
    }

    /// <summary>The README's block: a table of the folders and a Mermaid picture of the arrows.</summary>
    public string Readme()
    {
        var text = new StringBuilder("| folder of `Worker/` | owns | may use |\n| --- | --- | --- |\n");
        foreach (var f in Folders) text.Append($"| `{f.Name}/` | {f.Owns} | {(f.MayUse.Count == 0 ? "nothing of ours" : string.Join(", ", f.MayUse))} |\n");
        text.Append("\n```mermaid\nflowchart TD\n");
        foreach (var f in Folders)
            foreach (var to in f.MayUse) text.Append($"  {f.Name} --> {to}\n");
        return text.Append("```\n").ToString();
    }
}
