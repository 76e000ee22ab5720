using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Worker.Tests.Support;

namespace Worker.Tests.Persistence;

/// <summary>
/// A worker process that kills itself (SIGKILL) right after a step's transaction commits, before anything could enqueue the work
/// that follows; a second worker started afterwards does that work, exactly once.
/// </summary>
public sealed class LifecycleCrashTests : IAsyncLifetime
{
    private const string Approver = "kadis@example.go.id";
    private const string Contact = "tu@example.go.id";
    private readonly TestDatabase database = new();
    private readonly TestSmtpServer smtp = new();
    private TestConfig config = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        config = new TestConfig(database.ConnectionString);
        config.Worker["Mail"]!["Smtp"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = smtp.Port, ["Security"] = "None" };
        smtp.Start();
    }

    public async Task DisposeAsync()
    {
        await smtp.DisposeAsync();
        config.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task AskApprovers_SendsTheLinkOnce_WhenTheWorkerIsKilledRightAfterTheCommit()
    {
        var (id, title) = await CrashAsync("ask-approvers", async () => await DropAsync());
        using var survivor = await StartAsync();
        await AssertLinkSentOnceAsync(id, title);
    }

    [Fact]
    public async Task Approve_SignsAndFilesOnce_WhenTheWorkerIsKilledRightAfterTheCommit()
    {
        var (id, _) = await CrashAsync("approve", () => DropAndDecideAsync("approve"));
        using var survivor = await StartAsync();
        await Eventually.Async(() => StateAsync(id), s => s == "Filed", TimeSpan.FromSeconds(120), $"document {id} Filed");
        await SettledAsync(id);
        Assert.Single(Directory.GetFiles(Path.Combine(config.Directory, "routes/surat-keluar/signed"), "*.pdf", SearchOption.AllDirectories));
        Assert.Equal(1, await AuditedAsync(id, "filed"));
    }

    [Fact]
    public async Task Reject_FilesTheOriginalAsDeclinedAndTellsOnce_WhenTheWorkerIsKilledRightAfterTheCommit()
    {
        var (id, title) = await CrashAsync("reject", () => DropAndDecideAsync("reject", "salah alamat"));
        using var survivor = await StartAsync();
        var declined = Path.Combine(config.Directory, "routes/surat-keluar/declined");
        await Eventually.Async(() => Task.FromResult(Directory.GetFiles(declined, "*.pdf").Length), n => n == 1, TimeSpan.FromSeconds(120), "declined copy");
        await smtp.WaitForAsync(Contact, title, timeout: TimeSpan.FromSeconds(120));
        await SettledAsync(id);
        Assert.Single(Directory.GetFiles(declined, "*.pdf"));
        Assert.Single(smtp.Matching(Contact, title));
        Assert.Equal("Declined", await StateAsync(id));
    }

    [Fact]
    public async Task File_SendsTheFiledNoticeOnce_WhenTheWorkerIsKilledRightAfterTheCommit()
    {
        var (id, title) = await CrashAsync("file", () => DropAndDecideAsync("approve"));
        Assert.Equal("Filed", await StateAsync(id));
        Assert.Empty(smtp.Matching(Contact, title));
        using var survivor = await StartAsync();
        await smtp.WaitForAsync(Contact, title, timeout: TimeSpan.FromSeconds(120));
        await SettledAsync(id);
        Assert.Single(smtp.Matching(Contact, title));
    }

    [Fact]
    public async Task Cancel_FilesTheOriginalAsDeclinedAndTellsOnce_WhenTheWorkerIsKilledRightAfterTheCommit()
    {
        var (id, title) = await CrashAsync("cancel", async () =>
        {
            var dropped = await DropAsync();
            await smtp.WaitForAsync(Approver, dropped.Title, timeout: TimeSpan.FromSeconds(120));
            await OperatorPostAsync($"/hangfire/operators/cancel/{dropped.Id}", "dikirim dua kali");
            return dropped;
        });
        Assert.Equal("Declined", await StateAsync(id));
        using var survivor = await StartAsync();
        var declined = Path.Combine(config.Directory, "routes/surat-keluar/declined");
        await Eventually.Async(() => Task.FromResult(Directory.GetFiles(declined, "*.pdf").Length), n => n == 1, TimeSpan.FromSeconds(120), "declined copy");
        await smtp.WaitForAsync(Contact, title, timeout: TimeSpan.FromSeconds(120));
        await SettledAsync(id);
        Assert.Single(Directory.GetFiles(declined, "*.pdf"));
        Assert.Single(smtp.Matching(Contact, title));
    }

    [Fact]
    public async Task RetryHandOff_SendsTheLinkOnce_WhenTheWorkerIsKilledRightAfterTheCommit()
    {
        // A Received document whose hand-off was lost (no follow-up at all): an operator's retry commits it again, then the kill.
        var (id, title) = await CrashAsync("retry-hand-off", async () =>
        {
            var title = $"Macet {Guid.NewGuid().ToString()[..8]}";
            var inserted = await TestDocuments.InsertAsync(database, config, title: title);
            await OperatorPostAsync($"/hangfire/operators/retry/{inserted}");
            return (inserted, title);
        });
        Assert.Empty(smtp.Matching(Approver, title));
        using var survivor = await StartAsync();
        await AssertLinkSentOnceAsync(id, title);
    }

    [Fact]
    public async Task DeliverMail_SendsTheLinkOnce_WhenTheWorkerIsKilledHoldingTheMailJobsStateLock()
    {
        // The chaos run's lost email: the killed worker had fetched the mail job and held Hangfire's lock on its state, which
        // the storage kept for 10 minutes, so no survivor could start the job and the link was never sent.
        using var doomed = await StartAsync(new Dictionary<string, string> { ["WORKER_TEST_KILL_ON_PROCESSING"] = "DeliverAsync" });
        var (id, title) = await DropAsync();
        var code = await doomed.WaitForExitAsync(TimeSpan.FromSeconds(90));
        Assert.True(code == 137, $"exit code {code?.ToString() ?? "none (still running)"}:\n{doomed.Output}");
        // Its lock on the mail job's state is left behind (other jobs' locks may be too, when the kill caught them mid-change).
        var mailJob = await database.ScalarAsync<string>($"SELECT job_id FROM worker.follow_ups WHERE document_id = '{id}' AND kind = 'DeliverMail'");
        Assert.Equal(1, await database.ScalarAsync<long>($"SELECT count(*) FROM hangfire.lock WHERE resource = 'hangfire:job:{mailJob}:state-lock'"));
        Assert.Empty(smtp.Matching(Approver, title));
        using var survivor = await StartAsync();
        // Fetched jobs and locks of a dead worker come back after about a minute; the storage's default kept the lock 10.
        await smtp.WaitForAsync(Approver, title, timeout: TimeSpan.FromMinutes(3));
        await SettledAsync(id);
        Assert.Single(smtp.Matching(Approver, title));
    }

    /// <summary>Runs <paramref name="act"/> against a worker set to die after <paramref name="transition"/> commits, and waits for it to die.</summary>
    private async Task<(Guid Id, string Title)> CrashAsync(string transition, Func<Task<(Guid Id, string Title)>> act)
    {
        using var doomed = await StartAsync(new Dictionary<string, string> { ["WORKER_TEST_KILL_AFTER_COMMIT"] = transition });
        var dropped = await act();
        var code = await doomed.WaitForExitAsync(TimeSpan.FromSeconds(120));
        // 128 + SIGKILL: it killed itself, it did not stop.
        Assert.True(code == 137, $"exit code {code?.ToString() ?? "none (still running)"}:\n{doomed.Output}");
        var audit = await database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{dropped.Id}'");
        Assert.True(audit > 0);
        return dropped;
    }

    private async Task<WorkerProcess> StartAsync(Dictionary<string, string>? environment = null)
    {
        var worker = WorkerProcess.Start(environment ?? [], "run", "--config", config.Write());
        await worker.WaitUntilReadyAsync(config.BaseUrl, TimeSpan.FromSeconds(90));
        return worker;
    }

    private async Task<(Guid Id, string Title)> DropAsync()
    {
        var name = $"crash-{Guid.NewGuid().ToString()[..8]}.pdf";
        await File.WriteAllBytesAsync(Path.Combine(config.Directory, "routes/surat-keluar/inbox", name), TestPdfs.Unique());
        var row = await Eventually.Async(
            () => database.ScalarAsync<string>($"SELECT id || '|' || title FROM worker.documents WHERE source_name = '{name}'"),
            v => v is not null, TimeSpan.FromSeconds(120), $"{name} recorded");
        var parts = row!.Split('|', 2);
        return (Guid.Parse(parts[0]), parts[1]);
    }

    /// <summary>Drops a file and decides through the emailed link; the worker may die while answering, which is the point.</summary>
    private async Task<(Guid Id, string Title)> DropAndDecideAsync(string decision, string? reason = null)
    {
        var (id, title) = await DropAsync();
        var mail = await smtp.WaitForAsync(Approver, title, timeout: TimeSpan.FromSeconds(120));
        await Eventually.Async(() => database.ScalarAsync<long>("SELECT count(*) FROM worker.outbox WHERE sent_at IS NOT NULL"), n => n >= 1, TimeSpan.FromSeconds(120));
        using var client = new ApprovalClient(config.BaseUrl);
        try
        {
            var (status, body) = await client.PostAsync(ApprovalClient.TokenFrom(mail[^1]), decision, confirm: true, reason);
            Assert.True(status == HttpStatusCode.OK, $"{decision} refused ({status}): {body}");
        }
        catch (HttpRequestException) { /* killed before it answered */ }
        return (id, title);
    }

    /// <summary>
    /// Posts an operator action to the dashboard as this machine (the operator while no users are configured), with the
    /// antiforgery token from a dashboard page; the worker may die before it answers, which is the point.
    /// </summary>
    private async Task OperatorPostAsync(string path, string? reason = null)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(config.BaseUrl) };
        var page = await http.GetStringAsync("/hangfire/documents");
        string Meta(string name) => WebUtility.HtmlDecode(Regex.Match(page, $"<meta name=\"{name}\" content=\"([^\"]+)\"").Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(reason is null ? [] : [new KeyValuePair<string, string>("reason", reason)]),
        };
        request.Headers.Add(Meta("csrf-header"), Meta("csrf-token"));
        try
        {
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        catch (HttpRequestException) { /* killed before it answered */ }
    }

    /// <summary>Every follow-up of the document relayed and its job finished, plus a moment for a duplicate to show.</summary>
    // The survivor sent the approval link exactly once and the document waits for its approver.
    private async Task AssertLinkSentOnceAsync(Guid id, string title)
    {
        await smtp.WaitForAsync(Approver, title, timeout: TimeSpan.FromSeconds(120));
        await SettledAsync(id);
        Assert.Single(smtp.Matching(Approver, title));
        Assert.Equal("AwaitingApproval", await StateAsync(id));
    }

    private async Task SettledAsync(Guid id)
    {
        await Eventually.Async(() => database.ScalarAsync<long>(
            $"""
            SELECT count(*) FROM worker.follow_ups f LEFT JOIN hangfire.job j ON j.id::text = f.job_id
            WHERE f.document_id = '{id}' AND (f.dispatched_at IS NULL OR j.statename IS DISTINCT FROM 'Succeeded')
            """), n => n == 0, TimeSpan.FromSeconds(120), $"follow-ups of {id} done");
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    private Task<string?> StateAsync(Guid id) => database.ScalarAsync<string>($"SELECT state FROM worker.documents WHERE id = '{id}'");

    private Task<long> AuditedAsync(Guid id, string action) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{id}' AND action = '{action}'");
}
