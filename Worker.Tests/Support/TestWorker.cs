using Worker.Configuration;
using Worker.Hosting;

namespace Worker.Tests.Support;

/// <summary>The real worker host (Kestrel on a loopback port, Hangfire, Quartz, PostgreSQL) started in the test process.</summary>
public sealed class TestWorker : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required HttpClient Http { get; init; }
    public required WorkerOptions Options { get; init; }

    public static async Task<TestWorker> StartAsync(TestConfig config)
    {
        var configuration = WorkerConfiguration.Build(config.Write());
        var options = WorkerConfiguration.Load(configuration);
        var app = WorkerApplication.Build(configuration, options);
        await app.StartAsync();
        return new TestWorker { App = app, Options = options, Http = new HttpClient { BaseAddress = new Uri(config.BaseUrl) } };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}
