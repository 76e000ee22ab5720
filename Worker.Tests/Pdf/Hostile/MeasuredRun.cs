using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Worker.Tests.Pdf.Hostile;

/// <summary>The built Worker.dll run as a child process under GNU time, so its exit code, output, wall time and peak memory are real.</summary>
public sealed record MeasuredRun
{
    /// <summary>The worker's exit code (137 or 134 when it was killed or aborted).</summary>
    public required int ExitCode { get; init; }

    /// <summary>Standard output.</summary>
    public required string Stdout { get; init; }

    /// <summary>Standard error (GNU time writes its report to a file, not here).</summary>
    public required string Stderr { get; init; }

    /// <summary>Wall-clock time of the run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Peak resident set size, in bytes, as GNU time measured it.</summary>
    public required long PeakRssBytes { get; init; }

    /// <summary>Non-empty lines of standard error.</summary>
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static MeasuredRun Worker(TimeSpan timeout, params string[] args)
    {
        const string time = "/usr/bin/time";
        Assert.True(File.Exists(time), "GNU time is missing: apt-get install -y time (scripts/test.sh installs it)");
        var report = Path.GetTempFileName();
        try
        {
            var info = new ProcessStartInfo(time) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
            foreach (var a in (string[])["-v", "-o", report, "dotnet", Path.Combine(AppContext.BaseDirectory, "Worker.dll"), .. args]) info.ArgumentList.Add(a);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Worker {string.Join(' ', args)} did not end within {timeout.TotalSeconds} s");
            }
            clock.Stop();
            var text = File.ReadAllText(report);
            var rss = Regex.Match(text, @"Maximum resident set size \(kbytes\): (\d+)");
            Assert.True(rss.Success, "GNU time reported no peak memory: " + text);
            return new MeasuredRun
            {
                ExitCode = process.ExitCode, Stdout = stdout.Result, Stderr = stderr.Result, Elapsed = clock.Elapsed,
                PeakRssBytes = long.Parse(rss.Groups[1].Value) * 1024,
            };
        }
        finally
        {
            File.Delete(report);
        }
    }
}
