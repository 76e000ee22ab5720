using System.Diagnostics;

namespace Worker.Tests.Support;

/// <summary>The worker as a separate process (`dotnet Worker.dll ...` from the test's bin folder), for signals and exit codes.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    private WorkerProcess(Process process) => this.process = process;

    public string Output { get { lock (output) return output.ToString(); } }

    public static WorkerProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts it with extra environment variables (configuration overrides, test hooks).</summary>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Worker.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>Sends SIGTERM, as systemd and `kill` do.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();

    /// <summary>Waits for the exit code; null when it did not exit in time.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until /health/ready answers 200; throws with the process's output when it does not in time.</summary>
    public async Task WaitUntilReadyAsync(string baseUrl, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == System.Net.HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { /* not listening yet */ }
            await Task.Delay(250);
        }
        throw new TimeoutException($"worker not ready within {timeout}:\n{Output}");
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
