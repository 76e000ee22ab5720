using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Worker.Tests.Operators;
using Worker.Tests.Support;

namespace Worker.Tests.Dashboard;

/// <summary>The dashboard's operator actions over HTTP: viewers are refused, operators act and are named in the audit trail.</summary>
public sealed partial class OperatorActionsHttpTests(OperatorsHost host) : IClassFixture<OperatorsHost>
{
    private DashboardUser Operator() => new(host.Config.BaseUrl, "operator", OperatorsHost.OperatorPassword);

    private DashboardUser Viewer() => new(host.Config.BaseUrl, "viewer", OperatorsHost.ViewerPassword);

    [Fact]
    public async Task Actions_Answer403ForAViewer_AndChangeNothing()
    {
        var (waiting, _, _) = await host.SubmitAndReadLinkAsync();
        var (failed, _) = await host.InsertFailedAsync();
        using var viewer = Viewer();

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/hangfire/operators/retry/{failed}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/hangfire/operators/resend/{waiting}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/hangfire/operators/cancel/{waiting}", "iseng")).Status);

        Assert.Equal("Failed", await host.StateAsync(failed));
        Assert.Equal("AwaitingApproval", await host.StateAsync(waiting));
        Assert.Empty(await host.ActorsAsync(failed, "retry-requested"));
        Assert.Empty(await host.ActorsAsync(waiting, "link-resent"));
    }

    [Fact]
    public async Task Retry_SignsAFailedDocumentAgain_ForAnOperator()
    {
        var (id, _) = await host.InsertFailedAsync();
        using var op = Operator();

        var (status, body) = await op.PostAsync($"/hangfire/operators/retry/{id}");

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("signing queued again", body);
        Assert.Equal(["operator"], await host.ActorsAsync(id, "retry-requested"));
        await Eventually.Async(() => host.StateAsync(id), s => s == "Filed", TimeSpan.FromSeconds(60), "the retried document filed");
    }

    [Fact]
    public async Task Resend_MailsTheWaitingApproverANewLink_ForAnOperator_ByStepId()
    {
        var (id, title, _) = await host.SubmitAndReadLinkAsync();
        var step = await host.Database.ScalarAsync<Guid>($"SELECT id FROM worker.approval_steps WHERE document_id = '{id}' AND position = 1");
        using var op = Operator();

        var (status, body) = await op.PostAsync($"/hangfire/operators/resend/{step}");

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(["operator"], await host.ActorsAsync(id, "link-resent"));
        await host.Smtp.WaitForAsync(ApprovalHost.Approver, title, count: 2);
    }

    [Fact]
    public async Task Cancel_DeclinesTheDocumentWithTheReason_ForAnOperator_AndThenAnswers409()
    {
        var (id, _, _) = await host.SubmitAndReadLinkAsync();
        using var op = Operator();

        var (status, body) = await op.PostAsync($"/hangfire/operators/cancel/{id}", "dikirim dua kali");
        var again = await op.PostAsync($"/hangfire/operators/cancel/{id}", "lagi");

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("Declined", await host.StateAsync(id));
        Assert.Equal(["operator"], await host.ActorsAsync(id, "cancelled"));
        Assert.Equal("dibatalkan oleh operator / cancelled by operator: dikirim dua kali",
            await host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{id}'"));
        Assert.Equal("127.0.0.1",
            await host.Database.ScalarAsync<string>($"SELECT source FROM worker.audit_events WHERE document_id = '{id}' AND action = 'cancelled'"));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("is Declined", again.Body);
    }

    [Fact]
    public async Task Cancel_Answers409_WithoutAReason_And404_ForAnUnknownDocument()
    {
        var (id, _, _) = await host.SubmitAndReadLinkAsync();
        using var op = Operator();

        var blank = await op.PostAsync($"/hangfire/operators/cancel/{id}", "  ");
        var unknown = await op.PostAsync($"/hangfire/operators/cancel/{Guid.NewGuid()}", "apa saja");

        Assert.Equal(HttpStatusCode.Conflict, blank.Status);
        Assert.Contains("a reason is required", blank.Body);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));
    }

    [Fact]
    public async Task Action_IsRefused_WithoutTheAntiforgeryToken()
    {
        var (id, _) = await host.InsertFailedAsync();
        using var op = Operator();

        var (status, _) = await op.PostAsync($"/hangfire/operators/retry/{id}", antiforgery: false);

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal("Failed", await host.StateAsync(id));
        Assert.Empty(await host.ActorsAsync(id, "retry-requested"));
    }

    [Theory]
    [InlineData("/hangfire/awaiting-approval")]
    [InlineData("/hangfire/needs-attention")]
    public async Task Pages_ShowActionForms_ToOperatorsOnly(string path)
    {
        await host.SubmitAndReadLinkAsync();
        await host.InsertFailedAsync();
        using var op = Operator();
        using var viewer = Viewer();

        Assert.Contains("js-operator-action", await op.PageAsync(path));
        Assert.DoesNotContain("js-operator-action", await viewer.PageAsync(path));
    }

    [Fact]
    public async Task DocumentPage_ShowsStepsAndActions_ToAnOperator()
    {
        var (id, _, _) = await host.SubmitAndReadLinkAsync();
        using var op = Operator();

        var page = await op.PageAsync($"/hangfire/documents/{id}");

        Assert.Contains("Approval steps", page);
        Assert.Contains("Resend link to Demo Signer", page);
        Assert.Contains($"/hangfire/operators/cancel/{id}", page);
    }

    [Fact]
    public async Task DocumentPage_ShowsTheLtvShortLine_InTheDocumentsHistory()
    {
        var (id, _, _) = await host.SubmitAndReadLinkAsync();
        const string detail = "asked for B-LTA, filed at no long-term validation level: Signature1: no revocation data for CN=Demo Signer (OCSP http://127.0.0.1:9/: not reachable; 4 attempts)";
        // What LtvStep records when a letter is filed short of its level.
        await host.Worker.App.Services.GetRequiredService<Worker.Persistence.SigningStore>()
            .RecordLtvShortAsync(id, detail, DateTimeOffset.UtcNow, CancellationToken.None);
        using var viewer = Viewer();

        var page = await viewer.PageAsync($"/hangfire/documents/{id}");

        var history = page[page.IndexOf("<h3>History</h3>", StringComparison.Ordinal)..];
        var row = Regex.Match(history, "<tr>(?:(?!</tr>).)*ltv-short(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;
        Assert.Contains(WebUtility.HtmlEncode(detail), row);
    }

    private string FailedFolder => Path.Combine(host.Config.Directory, "routes/surat-keluar/failed");

    private static KeyValuePair<string, string>[] RefusedFile(string name) => [new("route", "surat-keluar"), new("name", name)];

    /// <summary>A file dropped into the inbox that intake refuses into failed/ with its reason; returns its name there.</summary>
    private async Task<string> RefusedByIntakeAsync()
    {
        var name = $"bukan-pdf-{Guid.NewGuid().ToString()[..8]}.pdf";
        await File.WriteAllTextAsync(Path.Combine(host.Config.Directory, "routes/surat-keluar/inbox", name), "ini surat, bukan PDF");
        await Eventually.Async(() => Task.FromResult(File.Exists(Path.Combine(FailedFolder, name + ".error.txt"))), e => e,
            TimeSpan.FromSeconds(90), $"{name} refused into failed/");
        return name;
    }

    [Fact]
    public async Task NeedsAttention_ShowsARefusedFilesReasonAndItsActions_NotTheFileLineOfItsReasonFile()
    {
        var name = await RefusedByIntakeAsync();
        using var op = Operator();
        using var viewer = Viewer();

        var page = await op.PageAsync("/hangfire/needs-attention");
        var row = Regex.Match(page, $"<tr>(?:(?!</tr>).)*{Regex.Escape(name)}(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;

        Assert.Contains("bukan PDF", row);
        Assert.Contains("not a PDF", row);
        // The reason file starts "Berkas   : NAME"; the column shows its reason lines instead.
        Assert.DoesNotContain("Berkas   :", row);
        Assert.DoesNotContain("Dokumen  :", row);
        Assert.Contains("Kirim ulang", row);
        Assert.Contains("Selesai", row);
        Assert.Contains(name, await viewer.PageAsync("/hangfire/needs-attention"));
        Assert.DoesNotContain("Kirim ulang", await viewer.PageAsync("/hangfire/needs-attention"));
    }

    [Fact]
    public async Task RefusedFile_Resubmit_SendsItBackToTheInboxForANewTry_ForAnOperator()
    {
        // A good PDF refused for a reason since fixed (say, a route folder that was missing): sent back, it becomes a document.
        var name = $"surat-{Guid.NewGuid().ToString()[..8]}.pdf";
        await File.WriteAllBytesAsync(Path.Combine(FailedFolder, name), TestPdfs.Unique());
        await File.WriteAllTextAsync(Path.Combine(FailedFolder, name + ".error.txt"), "Alasan: folder arsip hilang\nReason: the archive folder was missing\n");
        using var op = Operator();

        var (status, body) = await op.PostFormAsync("/hangfire/operators/failed/resubmit", RefusedFile(name));

        Assert.True(status == HttpStatusCode.OK, body);
        await Eventually.Async(() => host.Database.ScalarAsync<string>($"SELECT state FROM worker.documents WHERE source_name = '{name}'"),
            s => s is "AwaitingApproval", TimeSpan.FromSeconds(90), $"{name} taken again");
        Assert.False(File.Exists(Path.Combine(FailedFolder, name)));
        var kept = await File.ReadAllTextAsync(Path.Combine(FailedFolder, ".handled", name + ".error.txt"));
        Assert.Contains("the archive folder was missing", kept);
        Assert.Contains("operator", kept.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal("operator", await host.Database.ScalarAsync<string>(
            $"SELECT actor FROM worker.audit_events WHERE action = 'refused-file-resubmitted' AND detail LIKE '%{name}%'"));
    }

    [Fact]
    public async Task RefusedFile_Handled_KeepsItAndItsReasonInHandled_AndAnswers409TheSecondTime()
    {
        var name = await RefusedByIntakeAsync();
        using var op = Operator();

        var (status, body) = await op.PostFormAsync("/hangfire/operators/failed/handled", RefusedFile(name));
        var again = await op.PostFormAsync("/hangfire/operators/failed/handled", RefusedFile(name));

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("ini surat, bukan PDF", await File.ReadAllTextAsync(Path.Combine(FailedFolder, ".handled", name)));
        Assert.Contains("bukan PDF", await File.ReadAllTextAsync(Path.Combine(FailedFolder, ".handled", name + ".error.txt")));
        Assert.False(File.Exists(Path.Combine(FailedFolder, name)));
        Assert.DoesNotContain(name, await op.PageAsync("/hangfire/needs-attention"));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(1L, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.audit_events WHERE action = 'refused-file-handled' AND actor = 'operator' AND detail LIKE '%{name}%'"));
    }

    [Fact]
    public async Task RefusedFile_Actions_MoveNothing_ForAViewer_WithoutTheAntiforgeryToken_OrForAPathOutOfTheFolder()
    {
        var name = await RefusedByIntakeAsync();
        using var op = Operator();
        using var viewer = Viewer();

        var asViewer = await viewer.PostFormAsync("/hangfire/operators/failed/resubmit", RefusedFile(name));
        var forged = await op.PostFormAsync("/hangfire/operators/failed/handled", RefusedFile(name), antiforgery: false);
        var escape = await op.PostFormAsync("/hangfire/operators/failed/resubmit", RefusedFile("../inbox/" + name));

        Assert.Equal(HttpStatusCode.Forbidden, asViewer.Status);
        Assert.NotEqual(HttpStatusCode.OK, forged.Status);
        Assert.Equal(HttpStatusCode.Conflict, escape.Status);
        Assert.True(File.Exists(Path.Combine(FailedFolder, name)));
        Assert.False(Directory.Exists(Path.Combine(FailedFolder, ".handled")) && File.Exists(Path.Combine(FailedFolder, ".handled", name)));
    }
}
