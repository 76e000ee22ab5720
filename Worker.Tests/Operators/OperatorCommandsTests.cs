using System.Net;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Operators;

/// <summary>The operator commands against the real database and a running worker that executes the jobs they enqueue.</summary>
public sealed class OperatorCommandsTests(OperatorsHost host) : IClassFixture<OperatorsHost>
{
    [Fact]
    public async Task DocumentsList_ShowsTheDocument_FilteredByStateAndRoute()
    {
        var (id, title, _) = await host.SubmitAndReadLinkAsync();

        var all = await host.CliAsync("documents", "list");
        var waiting = await host.CliAsync("documents", "list", "--state", "AwaitingApproval", "--route", "surat-keluar");
        var filed = await host.CliAsync("documents", "list", "--state", "filed");
        var otherRoute = await host.CliAsync("documents", "list", "--route", "dua-pejabat");

        Assert.Equal(ExitCode.Done, all.Code);
        Assert.StartsWith("ID", all.Out);
        Assert.Contains("RECEIVED (WITA)", all.Out);
        var line = Assert.Single(waiting.Out.Split('\n'), l => l.StartsWith(id.ToString()));
        Assert.Contains("AwaitingApproval", line);
        Assert.Contains("surat-keluar", line);
        Assert.Contains(title, line);
        Assert.DoesNotContain(id.ToString(), filed.Out);
        Assert.DoesNotContain(id.ToString(), otherRoute.Out);
    }

    [Fact]
    public async Task DocumentsList_ExitsTwo_ForAnUnknownState()
    {
        var (code, _, err) = await host.CliAsync("documents", "list", "--state", "Lost");
        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("--state: 'Lost' is not one of", err);
    }

    [Fact]
    public async Task DocumentsShow_PrintsDetailsStepsWithEmailStateAndHistory()
    {
        var (id, title, _) = await host.SubmitAndReadLinkAsync();

        var (code, output, _) = await host.CliAsync("documents", "show", id.ToString());

        Assert.Equal(ExitCode.Done, code);
        Assert.Contains($"Title         {title}", output);
        Assert.Contains("State         AwaitingApproval", output);
        Assert.Contains($"1. Demo Signer <{ApprovalHost.Approver}>", output);
        Assert.Contains("email Sent", output);
        Assert.Contains("History:", output);
        Assert.Contains("worker: approval-requested", output);
        Assert.Contains($"worker: email-sent: Invite to {ApprovalHost.Approver}", output);
    }

    [Fact]
    public async Task DocumentsRetry_SignsAFailedDocumentAgain_AndAuditsTheOperator()
    {
        var (id, _) = await host.InsertFailedAsync();

        var (code, output, err) = await host.CliAsync("documents", "retry", id.ToString(), "--as", "budi");

        Assert.True(code == ExitCode.Done, err);
        Assert.Contains("signing queued again", output);
        Assert.Equal(["budi"], await host.ActorsAsync(id, "retry-requested"));
        await Eventually.Async(() => host.StateAsync(id), s => s == "Filed", TimeSpan.FromSeconds(60), "the retried document filed");
    }

    [Fact]
    public async Task DocumentsRetry_HandsAStuckReceivedDocumentToApproval()
    {
        var (id, title) = await host.InsertStuckReceivedAsync();

        var (code, output, err) = await host.CliAsync("documents", "retry", id.ToString(), "--as", "budi");

        Assert.True(code == ExitCode.Done, err);
        Assert.Contains("approval hand-off queued again", output);
        Assert.Equal(["budi"], await host.ActorsAsync(id, "retry-requested"));
        await host.Smtp.WaitForAsync(ApprovalHost.Approver, title);
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));
    }

    [Fact]
    public async Task DocumentsRetry_ExitsTwo_WhenTheDocumentIsAwaitingApproval_OrAFailedOneHasUnapprovedSteps()
    {
        var (waiting, _, _) = await host.SubmitAndReadLinkAsync();
        var (unapproved, _) = await host.InsertFailedAsync(approved: false);

        var first = await host.CliAsync("documents", "retry", waiting.ToString());
        var second = await host.CliAsync("documents", "retry", unapproved.ToString());

        Assert.Equal(ExitCode.Usage, first.Code);
        Assert.Equal($"document {waiting} is AwaitingApproval and nothing of it is stuck: to send the approver a new link, use approvals resend", first.Err.Trim());
        Assert.Equal(ExitCode.Usage, second.Code);
        Assert.Contains("only 0 of 1 approval step(s) are approved", second.Err);
        Assert.Empty(await host.ActorsAsync(waiting, "retry-requested"));
        Assert.Equal("Failed", await host.StateAsync(unapproved));
    }

    [Fact]
    public async Task ApprovalsResend_MailsANewLink_AndRetiresTheOldOne()
    {
        var (id, title, oldToken) = await host.SubmitAndReadLinkAsync();

        var (code, output, err) = await host.CliAsync("approvals", "resend", id.ToString(), "--as", "budi");

        Assert.True(code == ExitCode.Done, err);
        Assert.Contains($"new link queued for {ApprovalHost.Approver}", output);
        Assert.Equal(["budi"], await host.ActorsAsync(id, "link-resent"));
        var mails = await host.Smtp.WaitForAsync(ApprovalHost.Approver, title, count: 2);
        await host.SentRecordedAsync(id, 2);
        var newToken = ApprovalClient.TokenFrom(mails[^1]);
        Assert.NotEqual(oldToken, newToken);
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/approve/{oldToken}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/approve/{newToken}")).Status);
    }

    [Fact]
    public async Task ApprovalsResend_ExitsTwo_WhenNobodyIsWaiting()
    {
        var (id, _) = await host.InsertFailedAsync();

        var (code, _, err) = await host.CliAsync("approvals", "resend", id.ToString());

        Assert.Equal(ExitCode.Usage, code);
        Assert.Equal($"document {id} is Failed: no approver is waiting for a link", err.Trim());
        Assert.Empty(await host.ActorsAsync(id, "link-resent"));
    }

    [Fact]
    public async Task DocumentsCancel_DeclinesFilesAndNotifies_AndKillsTheLink()
    {
        var (id, title, token) = await host.SubmitAndReadLinkAsync();

        var (code, output, err) = await host.CliAsync("documents", "cancel", id.ToString(), "--reason", "salah alamat", "--as", "budi");

        Assert.True(code == ExitCode.Done, err);
        Assert.Contains("cancelled (was AwaitingApproval)", output);
        Assert.Equal("Declined", await host.StateAsync(id));
        Assert.Equal("Cancelled", await host.StepStateAsync(id));
        Assert.Equal(["budi"], await host.ActorsAsync(id, "cancelled"));

        var notice = Assert.Single(await host.Smtp.WaitForAsync(ApprovalHost.Submitter, $"Document cancelled: {title}"));
        Assert.Contains("dibatalkan oleh operator / cancelled by operator: salah alamat", notice.TextBody);
        var pdf = await Eventually.Async(
            () => host.Database.ScalarAsync<string>($"SELECT declined_path FROM worker.documents WHERE id = '{id}'"),
            p => p is not null, what: "the original filed in declined/");
        Assert.StartsWith(host.Worker.Options.Routes[0].Declined, pdf);
        Assert.True(File.Exists(pdf));
        var reason = await File.ReadAllTextAsync(pdf![..^".pdf".Length] + ".reason.txt");
        Assert.Contains("Hasil    : dibatalkan oleh operator", reason);
        Assert.Contains("Outcome: cancelled by an operator", reason);
        Assert.Contains("cancelled by operator: salah alamat", reason);
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/approve/{token}")).Status);
    }

    [Fact]
    public async Task DocumentsCancel_ExitsTwo_WhenTheDocumentIsAlreadyDeclined_OrTheReasonIsMissing()
    {
        var (id, _, _) = await host.SubmitAndReadLinkAsync();
        Assert.Equal(ExitCode.Done, (await host.CliAsync("documents", "cancel", id.ToString(), "--reason", "dobel")).Code);

        var again = await host.CliAsync("documents", "cancel", id.ToString(), "--reason", "lagi");
        var noReason = await host.CliAsync("documents", "cancel", id.ToString());

        Assert.Equal(ExitCode.Usage, again.Code);
        Assert.Contains($"document {id} is Declined: only AwaitingApproval, Failed, Received documents can be cancelled", again.Err);
        Assert.Equal(ExitCode.Usage, noReason.Code);
        Assert.Contains("--reason is required", noReason.Err);
        Assert.Equal([Environment.UserName], await host.ActorsAsync(id, "cancelled"));
    }

    [Theory]
    [InlineData("documents", "show")]
    [InlineData("documents", "retry")]
    [InlineData("approvals", "resend")]
    public async Task Commands_ExitTwo_ForAnUnknownId_OrOneThatIsNotAGuid(string command, string sub)
    {
        var unknown = await host.CliAsync(command, sub, Guid.NewGuid().ToString());
        var garbage = await host.CliAsync(command, sub, "surat-1");

        Assert.Equal(ExitCode.Usage, unknown.Code);
        Assert.StartsWith("no document", unknown.Err);
        Assert.Equal(ExitCode.Usage, garbage.Code);
        Assert.Contains("'surat-1' is not a document id", garbage.Err);
    }

    [Fact]
    public async Task DocumentsRetry_SignsAnApprovedDocumentWhoseSigningWasLost()
    {
        var (id, _) = await host.InsertFailedAsync();
        await host.Database.ExecuteAsync($"UPDATE worker.documents SET state = 'Approved', error = NULL WHERE id = '{id}'");

        var (code, output, err) = await host.CliAsync("documents", "retry", id.ToString(), "--as", "budi");

        Assert.True(code == ExitCode.Done, err);
        Assert.Contains("signing queued again", output);
        await Eventually.Async(() => host.StateAsync(id), s => s == "Filed", TimeSpan.FromSeconds(60), "the retried document filed");
    }

    [Fact]
    public async Task DocumentsRetry_CopiesADeclinedDocumentToDeclined_WhenItsCopyWasLost_AndSendsItsStrandedNotice()
    {
        var (id, title) = await host.InsertFailedAsync(approved: false);
        await host.Database.ExecuteAsync(
            $"""
            UPDATE worker.approval_steps SET state = 'Rejected', reason = 'salah alamat' WHERE document_id = '{id}';
            UPDATE worker.documents SET state = 'Declined', error = NULL WHERE id = '{id}';
            INSERT INTO worker.outbox (id, key, kind, document_id, step_id, recipient, created_at)
            SELECT gen_random_uuid(), 'declined:{id}', 'Declined', '{id}', s.id, '{ApprovalHost.Submitter}', now() FROM worker.approval_steps s WHERE s.document_id = '{id}';
            """);

        var (code, output, err) = await host.CliAsync("documents", "retry", id.ToString(), "--as", "budi");

        Assert.True(code == ExitCode.Done, err);
        Assert.Contains("copy to declined/ queued again with 1 unsent email(s)", output);
        await Eventually.Async(() => host.Database.ScalarAsync<string>($"SELECT declined_path FROM worker.documents WHERE id = '{id}'"),
            p => p is not null && File.Exists(p), TimeSpan.FromSeconds(60), "the declined copy");
        Assert.Single(await host.Smtp.WaitForAsync(ApprovalHost.Submitter, title));
        Assert.Equal(["budi"], await host.ActorsAsync(id, "refile-requested"));
    }

    [Fact]
    public async Task Failed_ListsARefusedFileWithItsReason_AndDoneSetsItAside_AuditedWithTheOperator()
    {
        var failed = Path.Combine(host.Config.Directory, "routes/surat-keluar/failed");
        var name = $"cli-{Guid.NewGuid().ToString()[..8]}.docx";
        await File.WriteAllTextAsync(Path.Combine(failed, name), "bukan pdf");
        await File.WriteAllTextAsync(Path.Combine(failed, name + ".error.txt"), "Berkas   : x\n\nAlasan: bukan PDF\n\nReason: not a PDF\n");

        var list = await host.CliAsync("failed", "list");
        var done = await host.CliAsync("failed", "done", "surat-keluar", name, "--as", "budi");
        var again = await host.CliAsync("failed", "done", "surat-keluar", name, "--as", "budi");
        var usage = await host.CliAsync("failed", "done", "surat-keluar");

        Assert.Equal(0, list.Code);
        Assert.Contains($"surat-keluar\t{name}\t", list.Out);
        Assert.Matches(@"\t\d{4}-\d\d-\d\d \d\d:\d\d WITA \(\+08:00\)\t", list.Out);
        Assert.Contains("bukan PDF / not a PDF", list.Out);
        Assert.True(done.Code == 0, done.Err);
        Assert.True(File.Exists(Path.Combine(failed, ".handled", name)));
        Assert.Equal(2, again.Code);
        Assert.Contains("no refused file", again.Err);
        Assert.Equal(2, usage.Code);
        Assert.Equal("budi", await host.Database.ScalarAsync<string>(
            $"SELECT actor FROM worker.audit_events WHERE action = 'refused-file-handled' AND detail LIKE '%{name}%'"));
    }
}
