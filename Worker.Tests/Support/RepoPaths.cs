namespace Worker.Tests.Support;

/// <summary>Folders the tests read: the repository root and the shared corpus beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/corpus relative to the repository root, as on every machine and in CI.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    /// <summary>A file of the shared corpus by name.</summary>
    public static string CorpusFile(string name) => Path.Combine(Corpus, name);

    /// <summary>Where tests keep files a person may want to look at (screenshots, rendered pages).</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(Root, "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Worker.sln"))) return dir.FullName;
        throw new InvalidOperationException("Worker.sln not found above " + AppContext.BaseDirectory);
    }
}
