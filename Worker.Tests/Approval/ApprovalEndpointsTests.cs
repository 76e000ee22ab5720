using System.Net;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

public sealed class ApprovalEndpointsTests(ApprovalHost host) : IClassFixture<ApprovalHost>
{
    [Fact]
    public async Task Start_MailsTheApproverOneLink_WithTheDocumentDetails()
    {
        var (id, title, token) = await host.SubmitAndReadLinkAsync();
        var mail = host.Smtp.Matching(ApprovalHost.Approver, title).Single();
        Assert.Equal(DocumentStateAwaiting, await host.StateAsync(id));
        Assert.StartsWith("Mohon persetujuan", mail.Subject);
        Assert.Contains("800/123/BKD/2025", mail.TextBody);
        Assert.Contains("WITA", mail.TextBody);
        Assert.Contains("Jumlah halaman: 4", mail.TextBody);
        Assert.Contains(token, mail.HtmlBody);
        Assert.EndsWith("@example.go.id", mail.MessageId);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        // Only the hash is stored.
        Assert.Equal(0L, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.approval_steps WHERE encode(token_sha256, 'escape') LIKE '%{token}%'"));
        Assert.Equal("Sent", await host.Database.ScalarAsync<string>($"SELECT email_state FROM worker.approval_steps WHERE document_id = '{id}'"));
    }

    [Fact]
    public async Task Get_ShowsTheDocument_WithoutChangingAnything()
    {
        var (id, title, token) = await host.SubmitAndReadLinkAsync();
        using var client = host.Client();
        var (status, body, response) = await client.GetAsync($"/approve/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, body);
        Assert.Contains("Saya telah membaca dokumen ini", body);
        Assert.Contains("Setujui", body);
        Assert.Contains("Tolak", body);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        // Nothing is loaded from elsewhere: the page works on an intranet without internet.
        Assert.DoesNotContain("http://", body);
        Assert.DoesNotContain("https://", body);
        await client.GetAsync($"/approve/{token}");
        Assert.Equal(DocumentStateAwaiting, await host.StateAsync(id));
        // The antiforgery keys live in the shared database, so another worker accepts this form.
        Assert.True(await host.Database.ScalarAsync<long>("SELECT count(*) FROM worker.data_protection_keys") >= 1);
        Assert.Equal("Waiting", await host.StepStateAsync(id));
    }

    [Fact]
    public async Task Document_ServesThePdfInline_WithoutCaching()
    {
        var (_, _, token) = await host.SubmitAndReadLinkAsync();
        using var client = host.Client();
        var (status, _, response) = await client.GetAsync($"/approve/{token}/document");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Corpus, TestDocuments.DefaultPdf)), bytes);
    }

    [Fact]
    public async Task Post_RecordsApproval_WhenConfirmed()
    {
        var (id, _, token) = await host.SubmitAndReadLinkAsync();
        using var client = host.Client();
        var (status, body) = await client.PostAsync(token, "approve", confirm: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Persetujuan Anda telah dicatat", body);
        // Signing may already have filed it: approval's part is done either way.
        Assert.Contains(await host.StateAsync(id), new[] { "Approved", "Filed" });
        Assert.Equal("127.0.0.1", await host.Database.ScalarAsync<string>($"SELECT decision_ip FROM worker.approval_steps WHERE document_id = '{id}'"));
        Assert.NotNull(await host.Database.ScalarAsync<DateTime?>($"SELECT decided_at FROM worker.approval_steps WHERE document_id = '{id}'"));
        Assert.Equal(1L, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.audit_events WHERE document_id = '{id}' AND action = 'approved' AND actor = '{ApprovalHost.Approver}'"));
        // Signing is handed over by document id, relayed from the follow-up committed with the decision.
        await Eventually.Async(() => host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ISigningStarter%' AND arguments::text LIKE '%{id}%'"),
            n => n >= 1, what: "signing job");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1L, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ISigningStarter%' AND arguments::text LIKE '%{id}%'"));
    }

    [Fact]
    public async Task Post_IsRefused_WhenTheConfirmationIsMissing()
    {
        var (id, _, token) = await host.SubmitAndReadLinkAsync();
        using var client = host.Client();
        var (status, body) = await client.PostAsync(token, "approve", confirm: false);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Centang", body);
        Assert.Equal("Waiting", await host.StepStateAsync(id));
        Assert.Equal(DocumentStateAwaiting, await host.StateAsync(id));
    }

    [Fact]
    public async Task Post_IsRefused_WithoutTheAntiforgeryToken()
    {
        var (id, _, token) = await host.SubmitAndReadLinkAsync();
        using var client = host.Client();
        var (status, _) = await client.PostAsync(token, "approve", confirm: true, withAntiforgery: false);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Waiting", await host.StepStateAsync(id));
    }

    [Fact]
    public async Task Post_DeclinesAndFilesTheOriginal_WhenRejectedWithAReason()
    {
        var (id, title, token) = await host.SubmitAndReadLinkAsync();
        using var client = host.Client();
        var (refused, body) = await client.PostAsync(token, "reject", confirm: true, reason: "  ");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("Tuliskan alasan penolakan", body);
        Assert.Equal("Waiting", await host.StepStateAsync(id));
        var (tooLong, _) = await client.PostAsync(token, "reject", confirm: true, reason: new string('x', 501));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);

        var (status, _) = await client.PostAsync(token, "reject", confirm: true, reason: "Nomor surat salah");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Declined", await host.StateAsync(id));
        var notice = (await host.Smtp.WaitForAsync(ApprovalHost.Submitter, title)).Single();
        Assert.Contains("Nomor surat salah", notice.TextBody);
        var declined = host.Worker.Options.Routes[0].Declined;
        var pdf = await Eventually.Async(() => host.Database.ScalarAsync<string>($"SELECT declined_path FROM worker.documents WHERE id = '{id}'"),
            p => p is not null, what: "declined copy");
        Assert.Equal(declined, Path.GetDirectoryName(pdf));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Corpus, TestDocuments.DefaultPdf)), await File.ReadAllBytesAsync(pdf!));
        var reason = await File.ReadAllTextAsync(Path.ChangeExtension(pdf!, ".reason.txt"));
        Assert.Contains("Nomor surat salah", reason);
    }

    [Fact]
    public async Task Post_Answers410WithTheEarlierDecision_WhenTheTokenIsReused()
    {
        var (_, _, token) = await host.SubmitAndReadLinkAsync();
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(token, "approve", confirm: true)).Status);
        var (again, body) = await client.PostAsync(token, "reject", confirm: true, reason: "berubah pikiran");
        Assert.Equal(HttpStatusCode.Gone, again);
        Assert.Contains("Disetujui", body);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/approve/{token}")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/approve/{token}/document")).Status);
    }

    [Fact]
    public async Task Get_Answers410_WhenTheLinkExpired()
    {
        var (id, title, token) = await host.SubmitAndReadLinkAsync();
        await host.Database.ExecuteAsync($"UPDATE worker.approval_steps SET token_expires_at = now() - interval '1 minute' WHERE document_id = '{id}'");
        using var client = host.Client();
        var (status, body, _) = await client.GetAsync($"/approve/{token}");
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("kedaluwarsa", body);
        Assert.DoesNotContain(title, body);
        Assert.Equal(HttpStatusCode.Gone, (await client.PostAsync(token, "approve", confirm: true)).Status);
    }

    [Fact]
    public async Task Get_Answers404_WhenTheTokenIsUnknown()
    {
        using var client = host.Client();
        var (status, body, _) = await client.GetAsync($"/approve/{Worker.Approval.ApprovalTokens.New()}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Tautan tidak dikenal", body);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/approve/not-a-token")).Status);
    }

    [Fact]
    public async Task Get_SpeaksEnglish_WhenTheBrowserAsksAndTheTokenIsUnknown()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var response = await http.GetAsync("/approve/x");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Unknown link", body);
    }

    private const string DocumentStateAwaiting = "AwaitingApproval";
}
