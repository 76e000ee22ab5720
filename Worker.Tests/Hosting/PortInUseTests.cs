using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

public sealed class PortInUseTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Run_PrintsOneLineAndExitsOne_WhenThePortIsTaken()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        using var config = new TestConfig(database.ConnectionString);
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        config.Worker["Urls"] = url;
        config.Worker["PublicBaseUrl"] = url;

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Worker.dll"), "run", "--config", config.Write() }) info.ArgumentList.Add(a);
        using var worker = Process.Start(info)!;
        var stdout = worker.StandardOutput.ReadToEndAsync();
        var stderr = worker.StandardError.ReadToEndAsync();
        // Generous: on a loaded machine the start-up before the bind (migrations, Quartz) can take a minute.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await worker.WaitForExitAsync(timeout.Token);

        var output = await stdout;
        Assert.True(worker.ExitCode == 1, $"exit code {worker.ExitCode}:\n{output}\n{await stderr}");
        var line = Assert.Single((await stderr).TrimEnd().Split('\n'));
        Assert.Contains($"address {url} is already in use", line);
        Assert.StartsWith($"alamat {url} sudah dipakai", line);
        // The whole output on failure: which component printed a stack trace is the first thing to know.
        Assert.False(output.Contains("   at ", StringComparison.Ordinal) || output.Contains("Exception", StringComparison.Ordinal), output);
    }
}
