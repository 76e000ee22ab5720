using System.Text.Json.Nodes;
using Hangfire;
using Worker.Approval;

namespace Worker.Tests.Support;

/// <summary>
/// A worker on its own database whose mail goes to a loopback SMTP server, with two routes: surat-keluar (one approver) and
/// dua-pejabat (two approvers in order). Subclasses change the configuration.
/// </summary>
public class ApprovalHost : IAsyncLifetime
{
    public const string Approver = "kadis@example.go.id";
    public const string SecondApprover = "sekda@example.go.id";
    public const string Submitter = "staf@example.go.id";

    public TestDatabase Database { get; } = new();
    public TestSmtpServer Smtp { get; } = new();
    public TestConfig Config { get; private set; } = null!;
    public TestWorker Worker { get; private set; } = null!;

    /// <summary>False to start with the mail server down.</summary>
    protected virtual bool SmtpUpAtStart => true;

    protected virtual void Configure(TestConfig config) { }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Config = new TestConfig(Database.ConnectionString);
        Config.Worker["Mail"]!["Smtp"] = new JsonObject
        {
            ["Host"] = "127.0.0.1", ["Port"] = Smtp.Port, ["Security"] = "None", ["Timeout"] = "00:00:05",
        };
        Config.Worker["Approval"] = new JsonObject { ["RequestsPerMinute"] = 1000 };
        Config.Route["Approvers"]![0]!["Email"] = Approver;
        Config.Worker["Routes"]!.AsArray().Add(SecondRoute());
        Configure(Config);
        if (SmtpUpAtStart) Smtp.Start();
        Worker = await TestWorker.StartAsync(Config);
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Smtp.DisposeAsync();
        KeepLogs();
        Config.Dispose();
        await Database.DisposeAsync();
    }

    /// <summary>Records a document (with a title of its own, to tell its emails apart) and hands it to approval through Hangfire, as intake does.</summary>
    public async Task<(Guid Id, string Title)> SubmitAsync(string route = "surat-keluar", string? submitter = Submitter,
        string pdf = TestDocuments.DefaultPdf, int pages = 4, string? note = null)
    {
        var title = $"Surat {Guid.NewGuid().ToString()[..8]}";
        var id = await TestDocuments.InsertAsync(Database, Config, route, submitter, pdf, title, pages, note);
        Worker.App.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<IApprovalStarter>(s => s.StartAsync(id, CancellationToken.None));
        return (id, title);
    }

    /// <summary>Submits a document and returns the token of the link mailed to the (first) approver.</summary>
    public async Task<(Guid Id, string Title, string Token)> SubmitAndReadLinkAsync(string route = "surat-keluar", string? submitter = Submitter,
        string pdf = TestDocuments.DefaultPdf, int pages = 4, string? note = null)
    {
        var (id, title) = await SubmitAsync(route, submitter, pdf, pages, note);
        try
        {
            var mail = await Smtp.WaitForAsync(Approver, title);
            await SentRecordedAsync(id, 1);
            return (id, title, ApprovalClient.TokenFrom(mail[0]));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; jobs: {await JobsAsync()}", e);
        }
    }

    /// <summary>
    /// Waits until the worker has recorded <paramref name="count"/> sends of the document: the link's hash is committed together
    /// with the "sent" mark, a moment after the SMTP server took the message.
    /// </summary>
    public Task SentRecordedAsync(Guid documentId, int count) =>
        Eventually.Async(
            () => Database.ScalarAsync<long>($"SELECT count(*) FROM worker.outbox WHERE document_id = '{documentId}' AND sent_at IS NOT NULL"),
            n => n >= count, what: $"{count} recorded send(s)");

    public Task<string?> StateAsync(Guid documentId) =>
        Database.ScalarAsync<string>($"SELECT state FROM worker.documents WHERE id = '{documentId}'");

    public Task<string?> StepStateAsync(Guid documentId, int position = 1) =>
        Database.ScalarAsync<string>($"SELECT state FROM worker.approval_steps WHERE document_id = '{documentId}' AND position = {position}");

    public ApprovalClient Client() => new(Config.BaseUrl);

    /// <summary>What Hangfire did with each job, for messages of tests that time out.</summary>
    public Task<string?> JobsAsync() => Database.ScalarAsync<string>(
        "SELECT string_agg(j.id || ' ' || j.statename || ' ' || (j.invocationdata::json->>'Method') || ' ' || coalesce(s.reason, ''), ' | ' ORDER BY j.id) " +
        "FROM hangfire.job j LEFT JOIN hangfire.state s ON s.id = j.stateid");

    // The worker's log goes with its temporary folder; a copy under artifacts/ explains a failed run afterwards.
    private void KeepLogs()
    {
        var target = Path.Combine(RepoPaths.Artifacts, "logs", GetType().Name + "-" + Database.Name[3..11]);
        foreach (var file in Directory.Exists(Worker.Options.LogDirectory) ? Directory.GetFiles(Worker.Options.LogDirectory) : [])
        {
            Directory.CreateDirectory(target);
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    private JsonObject SecondRoute()
    {
        string Dir(string name) => Directory.CreateDirectory(Path.Combine(Config.Directory, "routes", "dua-pejabat", name)).FullName;
        return new JsonObject
        {
            ["Name"] = "dua-pejabat",
            ["Inbox"] = Dir("inbox"),
            ["Archive"] = Dir("signed") + "/{name}.pdf",
            ["Declined"] = Dir("declined"),
            ["Failed"] = Dir("failed"),
            ["Contact"] = "tu@example.go.id",
            ["Approvers"] = new JsonArray(
                new JsonObject { ["Email"] = Approver, ["Name"] = "Kepala Dinas", ["Position"] = "Kepala Dinas", ["Signer"] = "demo" },
                new JsonObject
                {
                    ["Email"] = SecondApprover, ["Name"] = "Sekretaris Daerah", ["Position"] = "Sekda", ["Language"] = "en", ["Signer"] = "demo",
                }),
        };
    }
}
