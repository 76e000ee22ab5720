using System.Net;
using System.Security.Cryptography;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Api;

/// <summary>Another application submits, follows and downloads documents over real HTTP on loopback.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiDocumentsTests(ApiHost host)
{
    private static string NewTitle() => $"Surat API {Guid.NewGuid().ToString()[..8]}";

    [Fact]
    public async Task Submit_FollowsTheDocumentThroughTheEmailedApprovalToTheSignedPdf()
    {
        using var api = host.Caller(host.EOfficeKey);
        var title = NewTitle();
        var pdf = TestPdfs.Unique();
        var (status, body, response) = await api.SubmitAsync(pdf, "surat-keluar", title, submitter: ApprovalHost.Submitter, number: "800/7/API/2026");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/documents/{id}", body.GetProperty("status").GetString());
        Assert.Equal($"/api/documents/{id}", response.Headers.Location?.OriginalString);

        await Eventually.Async(() => api.StateAsync(id), s => s == "AwaitingApproval", what: "AwaitingApproval");
        var (_, waiting) = await api.GetAsync($"/api/documents/{id}");
        Assert.Equal(title, waiting.GetProperty("title").GetString());
        Assert.Equal("800/7/API/2026", waiting.GetProperty("number").GetString());
        Assert.Equal("surat-keluar", waiting.GetProperty("route").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), waiting.GetProperty("sha256").GetString());
        Assert.Equal($"{host.Config.BaseUrl}/verify/{id}", waiting.GetProperty("verifyUrl").GetString());
        var approver = waiting.GetProperty("approvers")[0];
        Assert.Equal("Waiting", approver.GetProperty("state").GetString());
        var (notYet, _) = await api.GetAsync($"/api/documents/{id}/signed");
        Assert.Equal(HttpStatusCode.NotFound, notYet);
        // The same intake path as a dropped file: the row names the client, the audit trail the application.
        Assert.Equal("e-office", await host.Database.ScalarAsync<string>($"SELECT api_client FROM worker.documents WHERE id = '{id}'"));
        Assert.Equal(1L, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.audit_events WHERE document_id = '{id}' AND action = 'received' AND actor = 'api:e-office'"));

        var mail = await host.Smtp.WaitForAsync(ApprovalHost.Approver, title);
        await host.SentRecordedAsync(id, 1);
        using var browser = host.Client();
        var (decided, _) = await browser.PostAsync(ApprovalClient.TokenFrom(mail[0]), "approve", confirm: true);
        Assert.Equal(HttpStatusCode.OK, decided);

        await Eventually.Async(() => api.StateAsync(id), s => s is "Approved" or "Filed", what: "Approved");
        await Eventually.Async(() => host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ISigningStarter%' AND arguments::text LIKE '%{id}%'"),
            n => n == 1, what: "one signing job");
        await AssertFiledAndDownloadableAsync(api, id, pdf);
        // This host trusts no anchor for its signer's chain, so B-LT cannot be reached: filed, and the reason is on record once.
        var shortOfLtv = await host.Database.ScalarAsync<string>(
            $"SELECT string_agg(detail, ' | ') FROM worker.audit_events WHERE document_id = '{id}' AND action = 'ltv-short'");
        Assert.NotNull(shortOfLtv);
        Assert.StartsWith("asked for B-LT, filed at no long-term validation level: ", shortOfLtv);
        Assert.Contains("does not reach a trusted root", shortOfLtv);
        Assert.DoesNotContain(" | ", shortOfLtv);
    }

    private static async Task AssertFiledAndDownloadableAsync(ApiCaller api, Guid id, byte[] original)
    {
        await Eventually.Async(() => api.StateAsync(id), s => s == "Filed", TimeSpan.FromSeconds(90), "Filed");
        var (_, filed) = await api.GetAsync($"/api/documents/{id}");
        var approver = filed.GetProperty("approvers")[0];
        Assert.Equal("Approved", approver.GetProperty("state").GetString());
        Assert.True(approver.GetProperty("decidedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal($"/api/documents/{id}/signed", filed.GetProperty("signedUrl").GetString());
        var response = await api.Http.GetAsync($"/api/documents/{id}/signed");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var signed = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(original, signed[..original.Length]);
        Assert.Equal(filed.GetProperty("signedSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(signed)));
        var path = Path.Combine(Path.GetTempPath(), $"api-signed-{id}.pdf");
        await File.WriteAllBytesAsync(path, signed);
        try
        {
            var report = ExternalTool.Run("pdfsig", path);
            Assert.Contains("Signature #1", report.Output);
            Assert.Contains("Signature is Valid", report.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Submit_MakesOneDocument_WhenTheSameIdempotencyKeyIsSentAgain()
    {
        using var api = host.Caller(host.EOfficeKey);
        var pdf = TestPdfs.Unique();
        var key = Guid.NewGuid().ToString();
        var title = NewTitle();
        var first = await api.SubmitAsync(pdf, "surat-keluar", title, key);
        var again = await api.SubmitAsync(pdf, "surat-keluar", title, key);
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.Equal(first.Body.GetRawText(), again.Body.GetRawText());
        // Two at once with a fresh key: one answers, the other answers the same or asks to retry; never two documents.
        var racedKey = Guid.NewGuid().ToString();
        var raced = TestPdfs.Unique();
        var racedTitle = NewTitle();
        var answers = await Task.WhenAll(api.SubmitAsync(raced, "surat-keluar", racedTitle, racedKey), api.SubmitAsync(raced, "surat-keluar", racedTitle, racedKey));
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        var retried = await api.SubmitAsync(raced, "surat-keluar", racedTitle, racedKey);
        Assert.Equal(HttpStatusCode.Accepted, retried.Status);

        Assert.Equal(1L, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.documents WHERE title = '{title}'"));
        Assert.Equal(1L, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.documents WHERE id = '{retried.Body.GetProperty("id").GetGuid()}'"));
        Assert.Equal(1L, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.documents WHERE sha256 = '{Convert.ToHexStringLower(SHA256.HashData(raced))}'"));
        // The key stands for that request: another file under it is refused rather than answered with the first document.
        var other = await api.SubmitAsync(TestPdfs.Unique(), "surat-keluar", title, key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.Status);
    }

    [Fact]
    public async Task Submit_Answers422_WhenTheSameIdempotencyKeyComesWithAnyOtherField()
    {
        using var api = host.Caller(host.EOfficeKey);
        var pdf = TestPdfs.Unique();
        var key = Guid.NewGuid().ToString();
        var title = NewTitle();
        Assert.Equal(HttpStatusCode.Accepted, (await api.SubmitAsync(pdf, "surat-keluar", title, key, number: "800/1", submitter: ApprovalHost.Submitter)).Status);
        // Each field changed alone: the key stands for the whole request, so none of these may be answered with the first document.
        var changed = new[]
        {
            await api.SubmitAsync(pdf, "surat-keluar", title + " (revisi)", key, number: "800/1", submitter: ApprovalHost.Submitter),
            await api.SubmitAsync(pdf, "surat-keluar", title, key, number: "800/2", submitter: ApprovalHost.Submitter),
            await api.SubmitAsync(pdf, "surat-keluar", title, key, number: "800/1", submitter: "lain@example.go.id"),
            await api.SubmitAsync(pdf, "surat-keluar", title, key, number: "800/1", submitter: ApprovalHost.Submitter, fileName: "lain.pdf"),
            await api.SubmitAsync(pdf, "surat-keluar", title, key, number: "800/1"),
        };
        Assert.All(changed, c => Assert.Equal(HttpStatusCode.UnprocessableEntity, c.Status));
        Assert.Equal(HttpStatusCode.Accepted, (await api.SubmitAsync(pdf, "surat-keluar", title, key, number: "800/1", submitter: ApprovalHost.Submitter)).Status);
    }

    [Fact]
    public async Task Calls_Answer401_WhenTheKeyIsUnknownOrMissing()
    {
        using var wrong = new ApiCaller(host.Config.BaseUrl, host.EOfficeKey + "x");
        var (status, body, response) = await wrong.SubmitAsync(TestPdfs.Unique(), "surat-keluar");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        using var none = new ApiCaller(host.Config.BaseUrl, null);
        var (missing, problem) = await none.GetAsync($"/api/documents/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString());
        // The key never reaches the log.
        var log = string.Join("\n", Directory.GetFiles(host.Worker.Options.LogDirectory).Select(f =>
        {
            using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd();
        }));
        Assert.DoesNotContain(host.EOfficeKey, log);
    }

    [Fact]
    public async Task Submit_Answers403_WhenTheRouteIsNotAllowedForTheKey()
    {
        using var api = host.Caller(host.KepegawaianKey);
        var title = NewTitle();
        var (status, body, _) = await api.SubmitAsync(TestPdfs.Unique(), "surat-keluar", title);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("dua-pejabat", body.GetProperty("detail").GetString());
        Assert.Equal(0L, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.documents WHERE title = '{title}'"));
    }

    [Fact]
    public async Task Get_Answers404_ForAnotherClientsDocument()
    {
        using var eoffice = host.Caller(host.EOfficeKey);
        var (_, body, _) = await eoffice.SubmitAsync(TestPdfs.Unique(), "surat-keluar", NewTitle());
        var id = body.GetProperty("id").GetGuid();
        using var other = host.Caller(host.KepegawaianKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/documents/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/documents/{id}/signed")).Status);
        // A clerk's document is nobody's over the API either.
        var dropped = await TestDocuments.InsertAsync(host.Database, host.Config);
        Assert.Equal(HttpStatusCode.NotFound, (await eoffice.GetAsync($"/api/documents/{dropped}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await eoffice.GetAsync($"/api/documents/{id}")).Status);
    }
}
