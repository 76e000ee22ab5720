namespace Worker.Tests.Support;

/// <summary>
/// One worker on its own database for a whole test class (starting Hangfire and Quartz takes a few seconds).
/// Subclasses change the configuration before it starts.
/// </summary>
public class WorkerHost : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public TestConfig Config { get; private set; } = null!;
    public TestWorker Worker { get; private set; } = null!;

    protected virtual void Configure(TestConfig config) { }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Config = new TestConfig(Database.ConnectionString);
        Configure(Config);
        Worker = await TestWorker.StartAsync(Config);
    }

    public virtual async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        Config.Dispose();
        await Database.DisposeAsync();
    }
}
