namespace Worker.Tests.Pdf.Support;

/// <summary>Finds the repository root (the folder holding Worker.sln) and the shared corpus beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    /// <summary>Where tests keep files worth looking at afterwards (rendered stamps).</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static string CorpusFile(string name) => Path.Combine(Corpus, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Worker.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Worker.sln not found above " + AppContext.BaseDirectory);
    }
}
