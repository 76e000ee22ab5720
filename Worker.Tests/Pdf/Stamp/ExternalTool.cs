using System.ComponentModel;
using System.Diagnostics;

namespace Worker.Tests.Pdf.Stamp;

/// <summary>Runs a command-line tool (qpdf, poppler, zbar, openssl) and fails loudly when it is missing.</summary>
internal static class ExternalTool
{
    /// <summary>Runs <paramref name="tool"/> and returns its output; throws when it is not installed or hangs.</summary>
    public static ToolResult Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (Win32Exception e)
        {
            // A missing tool must fail the test, never skip it.
            throw new InvalidOperationException(
                $"{tool} is not installed ({e.Message}); run: apt-get install -y poppler-utils qpdf zbar-tools openssl", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within 60 s");
            }
            return new ToolResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
    }

    /// <summary>Runs <paramref name="tool"/> and asserts it exits with 0.</summary>
    public static string RunOk(string tool, params string[] arguments)
    {
        var result = Run(tool, arguments);
        Assert.True(
            result.ExitCode == 0,
            $"{tool} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        return result.Stdout;
    }
}
