using System.Text.Json;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// The pdfjs-dist package (pdf.js, the renderer of Firefox's PDF viewer) that scripts/test.sh installs from npm, pinned,
/// outside the checkout. A missing one fails the test, as every other tool does.
/// </summary>
public static class PdfJsDist
{
    /// <summary>Set by scripts/test.sh; without it, the folder test.sh installs into.</summary>
    public const string Variable = "WORKER_TEST_PDFJS";

    /// <summary>The package folder (holding build/pdf.mjs); the test fails when it is not there.</summary>
    public static string Folder()
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set ? set : WellKnown()));
        Assert.True(File.Exists(Path.Combine(folder, "build", "pdf.mjs")) && File.Exists(Path.Combine(folder, "build", "pdf.worker.mjs")),
            $"pdf.js (pdfjs-dist) is missing at {folder}: run scripts/test.sh, which installs it and sets {Variable}");
        return folder;
    }

    /// <summary>The installed package's version, for messages and the README's claim.</summary>
    public static string Version(string folder)
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package.json")));
        return package.RootElement.GetProperty("version").GetString() ?? "?";
    }

    // Beside the test database passwords: ${XDG_STATE_HOME:-~/.local/state}/tte-signing-worker/pdfjs.
    private static string WellKnown()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "tte-signing-worker", "pdfjs", "node_modules", "pdfjs-dist");
    }
}
