using System.Net;
using System.Text.Json.Nodes;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>One running worker with real inbox folders and its own database, shared by a test class.</summary>
public class IntakeHost : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public TestConfig Config { get; private set; } = null!;
    public TestWorker Worker { get; private set; } = null!;

    public string Inbox => Worker.Options.Routes[0].Inbox;
    public string Failed => Worker.Options.Routes[0].Failed;
    public string Processing => Path.Combine(Inbox, ".processing");
    public string Content => Path.Combine(Worker.Options.DataDirectory, "content");

    /// <summary>Changes the configuration before the worker starts.</summary>
    protected virtual void Configure(JsonObject worker) { }

    /// <summary>Prepares folders and database before the worker starts.</summary>
    protected virtual void Arrange() { }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Config = new TestConfig(Database.ConnectionString);
        Configure(Config.Worker);
        Arrange();
        Worker = await TestWorker.StartAsync(Config);
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        Config.Dispose();
        await Database.DisposeAsync();
    }

    public string Drop(string name, byte[] bytes)
    {
        var path = Path.Combine(Inbox, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The documents recorded from files of this name, once their claims are finished (nothing left in .processing).</summary>
    public async Task<List<DocumentRow>> WaitForAsync(string sourceName, int count = 1)
    {
        return await Eventually.Async(
            () => DocumentRow.QueryAsync(Database, "source_name = $1", sourceName),
            rows => rows.Count >= count && rows.All(r => !Directory.EnumerateFiles(Processing, $"{r.Id}*").Any()),
            TimeSpan.FromSeconds(30), $"{count} finished document(s) named {sourceName}");
    }

    /// <summary>The failed file and the text of its .error.txt.</summary>
    public (string Path, string Error) FailedFile(string name)
    {
        var path = Path.Combine(Failed, name);
        Assert.True(File.Exists(path) || new FileInfo(path).LinkTarget is not null, $"{name} is not in failed/");
        return (path, File.ReadAllText(path + ".error.txt"));
    }

    public async Task AssertReadyAsync()
    {
        var response = await Worker.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
