using System.Diagnostics;

namespace Worker.Tests.Pdf.Support;

/// <summary>Runs real command-line tools (qpdf, pdfsig, openssl, certutil, pdftoppm); a missing tool fails the test.</summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static Result Run(string tool, params string[] args)
    {
        var path = Find(tool);
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} timed out");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs <paramref name="tool"/> and asserts it exits with 0; returns its standard output.</summary>
    public static string RunOk(string tool, params string[] args)
    {
        var result = Run(tool, args);
        Assert.True(result.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        return result.Stdout;
    }

    private static string Find(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"'{tool}' is not installed: apt-get install -y poppler-utils qpdf libnss3-tools zbar-tools openssl");
        return "";
    }
}
