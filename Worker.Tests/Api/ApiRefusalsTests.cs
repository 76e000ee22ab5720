using System.Net;
using System.Text;
using System.Text.Json;
using Worker.Tests.Support;

namespace Worker.Tests.Api;

/// <summary>Bad input gets 400, 413 or 429 with an RFC 9457 problem body saying why in plain words.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiRefusalsTests(ApiHost host)
{
    [Fact]
    public async Task Submit_Answers400AndRecordsInvalid_WhenTheFileIsNotAPdf()
    {
        using var api = host.Caller(host.EOfficeKey);
        var (status, body, response) = await api.SubmitAsync(Encoding.UTF8.GetBytes("Dear sir, this is a letter.\n"), "surat-keluar", fileName: "surat.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not a PDF", body.GetProperty("detail").GetString());
        Assert.Contains("bukan PDF", body.GetProperty("detailId").GetString());
        // Refused the way a dropped file is: recorded Invalid (nothing is lost), and the client can look it up.
        var id = body.GetProperty("documentId").GetGuid();
        Assert.Equal("Invalid", await api.StateAsync(id));
        var (_, document) = await api.GetAsync($"/api/documents/{id}");
        Assert.Contains("not a PDF", document.GetProperty("reason").GetString());
        var failed = Path.Combine(host.Config.Directory, "routes", "surat-keluar", "failed");
        // The reason file names no document id (the clerk reads it); the original is there byte for byte.
        Assert.Contains(Directory.GetFiles(failed, "surat*.pdf"), f => File.ReadAllText(f) == "Dear sir, this is a letter.\n" && File.Exists(f + ".error.txt"));
    }

    [Fact]
    public async Task Submit_Answers409_WhenTheSamePdfIsAlreadyOpen()
    {
        using var api = host.Caller(host.EOfficeKey);
        var pdf = TestPdfs.Unique();
        var first = await api.SubmitAsync(pdf, "surat-keluar", "Surat pertama");
        var second = await api.SubmitAsync(pdf, "surat-keluar", "Surat kedua");
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("Duplicate", second.Body.GetProperty("state").GetString());
        // The earlier document may be another client's: its title is not told.
        Assert.DoesNotContain("Surat pertama", second.Body.GetRawText());
    }

    [Fact]
    public async Task Submit_Answers413_WhenTheFileIsOverTheIntakeLimit()
    {
        using var api = host.Caller(host.EOfficeKey);
        var justOver = new byte[ApiHost.MaxFileBytes + 1];
        "%PDF-1.4\n"u8.CopyTo(justOver);
        var (status, body, _) = await api.SubmitAsync(justOver, "surat-keluar");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("too big", body.GetProperty("detail").GetString());
        // Far over: refused on the declared length, before the body is read.
        var (farOver, problem, _) = await api.SubmitAsync(new byte[3 * ApiHost.MaxFileBytes], "surat-keluar");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, farOver);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Submit_Answers400_WhenAFieldIsMissingOrWrong()
    {
        using var api = host.Caller(host.EOfficeKey);
        var noRoute = await api.SubmitAsync(TestPdfs.Unique(), null);
        Assert.Equal(HttpStatusCode.BadRequest, noRoute.Status);
        Assert.Contains("'route'", Detail(noRoute.Body));
        var unknown = await api.SubmitAsync(TestPdfs.Unique(), "surat-masuk");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("no route 'surat-masuk'", Detail(unknown.Body));
        var badEmail = await api.SubmitAsync(TestPdfs.Unique(), "surat-keluar", submitter: "staf at example");
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.Status);
        Assert.Contains("\"submitter\": 'staf at example' is not an email address", Detail(badEmail.Body));
        var notMultipart = await api.Http.PostAsync("/api/documents", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.Contains("multipart/form-data", await notMultipart.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Calls_Answer429_WhenAClientGoesOverItsRate()
    {
        using var api = host.Caller(host.LambatKey);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await api.GetAsync($"/api/documents/{Guid.NewGuid()}")).Status);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        // Each client has its own budget.
        using var other = host.Caller(host.KepegawaianKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/documents/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task OpenApi_DescribesTheDocumentsApi_WithBearerKeys()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/documents", out var submit));
        var post = submit.GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.True(post.GetProperty("responses").TryGetProperty("413", out _));
        Assert.True(paths.TryGetProperty("/api/documents/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/documents/{id}/signed", out _));
        Assert.False(paths.TryGetProperty("/approve/{token}", out _));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString() ?? "";
}
