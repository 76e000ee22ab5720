using System.Diagnostics;

namespace Worker.Filing;

/// <summary>
/// Runs a Debian tool (qpdf, pdftoppm) on files the worker owns: arguments as a list (no shell), a hard timeout, output
/// captured. Shared by intake (normalising) and signing (post-conditions, the page image).
/// </summary>
public static class ExternalProgram
{
    /// <summary>The exit code and both outputs.</summary>
    /// <param name="ExitCode">The process's exit code.</param>
    /// <param name="Output">Standard output and standard error, in that order.</param>
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs <paramref name="program"/>; throws <see cref="InvalidOperationException"/> when it is missing or overruns.</summary>
    public static async Task<Result> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{program} is not installed (Debian: apt-get install {PackageOf(program)})");
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested) throw;
                throw new InvalidOperationException($"{program} took longer than {timeout.TotalSeconds:0} s");
            }
            return new Result(process.ExitCode, await stdout + await stderr);
        }
    }

    private static string PackageOf(string program) => program switch
    {
        "pdftoppm" or "pdfsig" => "poppler-utils",
        _ => program,
    };
}
