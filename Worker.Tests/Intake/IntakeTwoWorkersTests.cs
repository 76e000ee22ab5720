using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>
/// Two workers on one database and one inbox: this test process hosts one, a child process (the built Worker.dll)
/// runs the other, since two hosts in one process would share Quartz's in-process scheduler registry. The child is
/// killed halfway, which also shows that claims a dead worker held are finished by the one still running.
/// </summary>
public sealed class IntakeTwoWorkersTests : IAsyncLifetime
{
    private const int Files = 500;
    private readonly IntakeHost host = new();
    private Process? second;
    private string secondLogs = "";

    public async Task InitializeAsync()
    {
        await host.InitializeAsync();
        var json = JsonNode.Parse(host.Config.Json.ToJsonString())!.AsObject();
        var worker = json["Worker"]!.AsObject();
        var url = $"http://127.0.0.1:{FreePort()}";
        worker["Urls"] = url;
        worker["PublicBaseUrl"] = url;
        secondLogs = Directory.CreateDirectory(Path.Combine(host.Config.Directory, "logs-second")).FullName;
        worker["LogDirectory"] = secondLogs;
        var configFile = Path.Combine(host.Config.Directory, "appsettings.second.json");
        await File.WriteAllTextAsync(configFile, json.ToJsonString());

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = host.Config.Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Worker.dll"), "run", "--config", configFile }) start.ArgumentList.Add(arg);
        second = Process.Start(start)!;
        // Drained so a full pipe never blocks the child.
        second.OutputDataReceived += (_, _) => { };
        second.ErrorDataReceived += (_, _) => { };
        second.BeginOutputReadLine();
        second.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await Eventually.Async(async () =>
        {
            Assert.False(second.HasExited, "the second worker exited at start");
            try { return (await http.GetAsync("/health/ready")).StatusCode; }
            catch (HttpRequestException) { return HttpStatusCode.ServiceUnavailable; }
        }, code => code == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "second worker ready");
    }

    public async Task DisposeAsync()
    {
        if (second is { HasExited: false }) second.Kill(entireProcessTree: true);
        second?.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task TwoWorkers_TakeEachFileOnce_When500FilesAreDroppedAtOnceAndOneIsKilledMidway()
    {
        var staging = Directory.CreateDirectory(Path.Combine(host.Config.Directory, "staging")).FullName;
        for (var i = 0; i < Files; i++) File.WriteAllBytes(Path.Combine(staging, $"surat-{i:D3}.pdf"), TestPdfs.Generated(1, $"Surat {i}"));
        // Renames within one file system: all 500 appear in the inbox within moments.
        foreach (var file in Directory.GetFiles(staging)) File.Move(file, Path.Combine(host.Inbox, Path.GetFileName(file)));

        // Both take part, then the second dies like kill -9, wherever it was in its claims.
        await Eventually.Async(() => Task.FromResult(RecordedBySecond()), n => n >= 20, TimeSpan.FromSeconds(60), "second worker recording");
        var bySecond = RecordedBySecond();
        second!.Kill(entireProcessTree: true);
        await second.WaitForExitAsync();
        Assert.InRange(bySecond, 1, Files - 1);

        // The survivor finds what the dead one left in .processing at its next rescan and finishes it.
        long enqueued;
        try
        {
            enqueued = await Eventually.Async(
                () => host.Database.ScalarAsync<long>(
                    "SELECT count(DISTINCT document_id) FROM worker.follow_ups WHERE kind = 'StartApproval' AND dispatched_at IS NOT NULL"),
                // Each hand-off is committed with its document; a claim the kill left in .processing is finished by the survivor's next
                // rescan, which a loaded CI machine can take more than a minute and a half to reach.
                n => n >= Files, TimeSpan.FromSeconds(180), $"{Files} documents enqueued");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}. {await DescribeStragglersAsync()}", timeout);
        }
        await Eventually.Async(() => Task.FromResult(string.Join(", ", Directory.GetFiles(host.Processing).Select(Path.GetFileName))),
            left => left.Length == 0, what: ".processing empty");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(Files, enqueued);
        // Every file accepted once (the approval hand-off may already have moved some on).
        Assert.Equal(Files, await host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM worker.documents WHERE state IN ('Received', 'AwaitingApproval')"));
        Assert.Equal(Files, await host.Database.ScalarAsync<long>("SELECT count(DISTINCT source_name) FROM worker.documents"));
        // Every document has its approval job. A kill between Hangfire's enqueue and the relay marking the follow-up dispatched
        // can leave a second one for the same document; the approval starter is idempotent by contract, so that is harmless.
        Assert.Equal(0, await host.Database.ScalarAsync<long>(
            """
            SELECT count(*) FROM worker.documents d
            WHERE NOT EXISTS (SELECT 1 FROM hangfire.job j WHERE j.arguments::text LIKE '%' || d.id || '%')
            """));
        Assert.InRange(await host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%IApprovalStarter%'"), Files, Files + 8);
        Assert.Empty(Directory.GetFiles(host.Inbox));
        Assert.Empty(Directory.GetFiles(host.Failed));
    }

    // What a failure needs to be understood: the documents without a job, and what is left in the route's folders.
    private async Task<string> DescribeStragglersAsync()
    {
        var rows = await host.Database.ScalarAsync<string>(
            """
            SELECT coalesce(string_agg(source_name || ' ' || state || ' ' || coalesce(error, '-'), '; '), 'none')
            FROM worker.documents d
            WHERE NOT EXISTS (SELECT 1 FROM worker.follow_ups f WHERE f.document_id = d.id AND f.kind = 'StartApproval' AND f.dispatched_at IS NOT NULL)
            """);
        var recorded = await host.Database.ScalarAsync<long>("SELECT count(*) FROM worker.documents");
        string Names(string folder) => string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName));
        return $"Recorded: {recorded}. Without a job: {rows}. Inbox: [{Names(host.Inbox)}]. " +
            $".processing: [{Names(host.Processing)}]. failed/: [{Names(host.Failed)}]";
    }

    private int RecordedBySecond() =>
        Directory.GetFiles(secondLogs).Sum(f => ReadShared(f).Split('\n').Count(l => l.Contains(" recorded as Received")));

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
