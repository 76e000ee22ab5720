using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Hangfire;
using Quartz;
using Worker.Hosting;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

public sealed class WorkerApplicationTests(WorkerApplicationTests.Host host) : IClassFixture<WorkerApplicationTests.Host>
{
    /// <summary>A worker with the default test configuration.</summary>
    public sealed class Host : WorkerHost;

    [Fact]
    public async Task HealthReady_ListsEveryCheckHealthy_WhenDatabaseFoldersAndMailAreFine()
    {
        var response = await host.Worker.Http.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["route-folders"]);
        Assert.Equal("Healthy", checks["mail"]);
    }

    [Fact]
    public async Task HealthReady_Answers503_WhenARouteFolderDisappears()
    {
        var failed = host.Worker.Options.Routes[0].Failed;
        var moved = failed + ".moved";
        Directory.Move(failed, moved);
        try
        {
            var response = await host.Worker.Http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("does not exist", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.Move(moved, failed);
        }
    }

    [Fact]
    public async Task Health_AnswersAlive()
    {
        var response = await host.Worker.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Answers_OnLoopback()
    {
        var response = await host.Worker.Http.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hangfire_RunsAnEnqueuedJob_ThroughPostgresStorage()
    {
        var key = Guid.NewGuid().ToString();
        var done = PingJob.Expect(key);
        host.Worker.App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => PingJob.Run(key));
        await done.WaitAsync(TimeSpan.FromSeconds(30));
        // The job ran; Hangfire records the Succeeded state right after the method returns.
        long stored = 0;
        for (var i = 0; i < 50 && stored == 0; i++, await Task.Delay(200))
            stored = await host.Database.ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded'");
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task Quartz_FiresATrigger_FromTheClusteredStore()
    {
        var key = Guid.NewGuid().ToString();
        var done = PingJob.Expect(key);
        var factory = host.Worker.App.Services.GetRequiredService<ISchedulerFactory>();
        var scheduler = await factory.GetScheduler() ?? throw new InvalidOperationException("no scheduler");
        Assert.True((await scheduler.GetMetadata()).JobStoreClustered);
        var job = JobBuilder.Create<PingQuartzJob>().WithIdentity(key).UsingJobData("key", key).Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().StartNow().Build());
        await done.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await host.Database.ScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state") >= 1);
    }

    [Fact]
    public async Task Metrics_ExposesDocumentsByRouteAndState()
    {
        await host.Database.ExecuteAsync(
            """
            INSERT INTO worker.documents (id, route, state, source_name, size_bytes, sha256, title)
            VALUES (gen_random_uuid(), 'metrics-route', 'Filed', 'a.pdf', 1, 'x', 'A')
            """);
        var body = await host.Worker.Http.GetStringAsync("/metrics");
        Assert.Contains("worker_documents{route=\"metrics-route\",state=\"Filed\"} 1", body);
        Assert.Contains("# TYPE worker_emails_sent_total counter", body);
        Assert.Contains("# TYPE worker_signing_duration_seconds histogram", body);
    }

    public static class PingJob
    {
        private static readonly ConcurrentDictionary<string, TaskCompletionSource> Waiting = new();

        public static Task Expect(string key) => Waiting.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public static void Run(string key) => Waiting.GetOrAdd(key, _ => new TaskCompletionSource()).TrySetResult();
    }

    public sealed class PingQuartzJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
        {
            PingJob.Run(context.MergedJobDataMap.GetString("key")!);
            return ValueTask.CompletedTask;
        }
    }
}
