using System.Diagnostics;
using System.Net;
using System.Text;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>
/// A claim that takes the worker down while it is examined: the worker (a child process) is killed with SIGKILL in the
/// middle of examining it, MaxAttempts times; the next start quarantines it to failed/ instead of examining it again.
/// </summary>
public sealed class IntakeCrashQuarantineTests : IAsyncLifetime
{
    private const int MaxAttempts = 2;
    private readonly TestDatabase database = new();
    private TestConfig config = null!;

    private string Inbox => config.Route["Inbox"]!.GetValue<string>();
    private string Failed => config.Route["Failed"]!.GetValue<string>();
    private string Attempts => Path.Combine(config.Worker["DataDirectory"]!.GetValue<string>(), "intake-attempts");

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        config = new TestConfig(database.ConnectionString);
        config.Worker["Intake"]!["MaxAttempts"] = MaxAttempts;
        config.Worker["Intake"]!["MaxFileBytes"] = 400L * 1024 * 1024;
    }

    public async Task DisposeAsync()
    {
        config.Dispose();
        // The backends of the killed workers end a moment after their clients died; until then the drop may be refused.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await database.DisposeAsync();
                return;
            }
            catch (Npgsql.PostgresException) when (attempt < 20)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    [Fact]
    public async Task Start_QuarantinesTheClaim_WhenTheWorkerWasKilledWhileExaminingItMaxAttemptsTimes()
    {
        // Big enough that copying it into the content store (and flushing it to disk) takes a while: the kill lands inside the examination.
        var bytes = new byte[300 * 1024 * 1024];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        File.WriteAllBytes(Path.Combine(Inbox, "racun-besar.pdf"), bytes);
        var configFile = config.Write();

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await KillWhenCountedAsync(WorkerProcess.Start("run", "--config", configFile), attempt);
            Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM worker.documents"));
        }

        using var last = WorkerProcess.Start("run", "--config", configFile);
        var state = await Eventually.Async(() => database.ScalarAsync<string>("SELECT state FROM worker.documents WHERE source_name = 'racun-besar.pdf'"),
            s => s is not null, TimeSpan.FromSeconds(90), "the quarantined document recorded");
        Assert.Equal("Invalid", state);
        var error = await Eventually.Async(() => Task.FromResult(ReadOrEmpty(Path.Combine(Failed, "racun-besar.pdf.error.txt"))),
            text => text.Length > 0, TimeSpan.FromSeconds(30), "the reason in failed/");
        Assert.Contains("dikarantina", error);
        Assert.Contains($"{MaxAttempts} time(s)", error);
        Assert.Equal(bytes.Length, new FileInfo(Path.Combine(Failed, "racun-besar.pdf")).Length);

        // The worker is up and still takes files.
        File.WriteAllBytes(Path.Combine(Inbox, "normal.pdf"), TestPdfs.Unique());
        var accepted = await Eventually.Async(() => database.ScalarAsync<string>("SELECT state FROM worker.documents WHERE source_name = 'normal.pdf'"),
            s => s is not null, TimeSpan.FromSeconds(60), "the next file recorded");
        Accepted.Assert(accepted!);
        using var http = new HttpClient { BaseAddress = new Uri(config.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        last.Terminate();
        Assert.NotNull(await last.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    // SIGKILL (Dispose kills the process tree) as soon as the worker has counted attempt number <paramref name="attempt"/>,
    // that is while it examines the file.
    private async Task KillWhenCountedAsync(WorkerProcess worker, int attempt)
    {
        using (worker)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (Directory.Exists(Attempts) && Directory.GetFiles(Attempts).Any(f => new FileInfo(f).Length >= attempt)) return;
                await Task.Delay(5);
            }
            throw new TimeoutException($"attempt {attempt} was never counted; worker output: {worker.Output}");
        }
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
