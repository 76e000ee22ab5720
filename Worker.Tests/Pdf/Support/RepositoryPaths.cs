using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Support;

/// <summary>The PDF tests' names for the shared test paths (<see cref="RepoPaths"/>).</summary>
public static class RepositoryPaths
{
    public static string Root => RepoPaths.Root;

    public static string Corpus => RepoPaths.Corpus;

    /// <summary>Where tests keep files worth looking at afterwards (rendered stamps): the repository's artifacts/.</summary>
    public static string Artifacts => RepoPaths.Artifacts;

    public static string CorpusFile(string name) => Path.Combine(Corpus, name);
}
