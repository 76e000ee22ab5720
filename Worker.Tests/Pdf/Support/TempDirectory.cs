namespace Worker.Tests.Pdf.Support;

/// <summary>A fresh directory per test, removed afterwards, so tests can run in parallel.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("pdf-tests-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a tool still holding a file must not fail the test */ }
    }
}
