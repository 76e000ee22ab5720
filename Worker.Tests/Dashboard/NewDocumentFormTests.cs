using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Worker.Tests.Operators;
using Worker.Tests.Support;

namespace Worker.Tests.Dashboard;

/// <summary>
/// The dashboard's New document form: an operator uploads a PDF and types the sidecar's fields; the PDF lands in the route's
/// inbox exactly as uploaded, with a sidecar intake reads. Without the antiforgery token, as a viewer, or with an outside
/// address, nothing is written.
/// </summary>
public sealed partial class NewDocumentFormTests(OperatorsHost host) : IClassFixture<OperatorsHost>
{
    private string Inbox => host.Worker.Options.Routes[0].Inbox;

    private HttpClient User(string name, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            { BaseAddress = new Uri(host.Config.BaseUrl) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));
        return client;
    }

    // The form as a browser posts it: the hidden antiforgery field from the page (and its cookie), the fields, the file.
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string fileName, byte[] pdf, Dictionary<string, string> fields, bool antiforgery = true)
    {
        var page = await client.GetStringAsync("/hangfire/new-document");
        using var form = new MultipartFormDataContent();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/operators/new-document") { Content = form };
        // A viewer's page has no form: the dashboard's own meta tags carry the token as the header its script sends.
        if (antiforgery && HiddenToken().Match(page) is { Success: true } token)
            form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups["value"].Value)), token.Groups["name"].Value);
        else if (antiforgery)
            request.Headers.Add(Meta(page, "csrf-header"), WebUtility.HtmlDecode(Meta(page, "csrf-token")));
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "pdf", fileName);
        return await client.SendAsync(request);
    }

    private static string Meta(string page, string name) =>
        Regex.Match(page, $"<meta name=\"{name}\" content=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } v ? v
            : throw new InvalidOperationException($"no {name} meta tag on the page");

    [Fact]
    public async Task Post_PutsThePdfAsUploadedWithItsSidecarInTheInbox_AndIntakeRecordsTheFields()
    {
        using var op = User("operator", OperatorsHost.OperatorPassword);
        var name = $"formulir-{Guid.NewGuid():N}.pdf";
        var pdf = TestPdfs.Unique();
        // Quotes and braces in a field stay in that field: the sidecar is written by a serializer, not by concatenation.
        var title = "Undangan \"Rapat\" }, \"submitterEmail\": \"x@gmail.com";

        using var response = await PostAsync(op, name, pdf, new()
        {
            ["route"] = "surat-keluar", ["title"] = title, ["number"] = "005/12/XII/2026", ["submitterEmail"] = "andi@example.go.id",
            ["note"] = "Mohon hari ini",
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith($"/hangfire/new-document?dropped={Uri.EscapeDataString(name)}", response.Headers.Location!.ToString());
        var row = Assert.Single(await Eventually.Async(() => DocumentRow.QueryAsync(host.Database, "source_name = $1", name), r => r.Count == 1,
            TimeSpan.FromSeconds(60), $"{name} recorded"));
        Assert.Equal(title, row.Title);
        Assert.Equal("005/12/XII/2026", row.Number);
        Assert.Equal("andi@example.go.id", row.SubmitterEmail);
        Assert.Equal("Mohon hari ini", row.Note);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), row.Sha256);
        Assert.Contains(WebUtility.HtmlEncode(name), await op.GetStringAsync($"/hangfire/new-document?dropped={Uri.EscapeDataString(name)}"));
    }

    [Fact]
    public async Task Post_WritesNothing_WithoutTheAntiforgeryToken()
    {
        using var op = User("operator", OperatorsHost.OperatorPassword);
        var name = $"tanpa-token-{Guid.NewGuid():N}.pdf";

        using var response = await PostAsync(op, name, TestPdfs.Unique(), new() { ["route"] = "surat-keluar" }, antiforgery: false);

        Assert.NotEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True((int)response.StatusCode >= 400, $"answered {response.StatusCode}");
        await AssertNothingWrittenAsync(name);
    }

    [Fact]
    public async Task Post_IsRefusedForAViewer_AndWritesNothing()
    {
        using var viewer = User("viewer", OperatorsHost.ViewerPassword);
        Assert.Contains("Operators only", await viewer.GetStringAsync("/hangfire/new-document"));
        var name = $"viewer-{Guid.NewGuid():N}.pdf";

        using var response = await PostAsync(viewer, name, TestPdfs.Unique(), new() { ["route"] = "surat-keluar" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingWrittenAsync(name);
    }

    [Theory]
    [InlineData("pencuri@gmail.com", "di luar domain kantor")]
    [InlineData("bukan-email", "bukan alamat email")]
    public async Task Post_RefusesWithOneLine_AndWritesNothing_WhenTheEmailIsNotAnOfficeAddress(string email, string reason)
    {
        using var op = User("operator", OperatorsHost.OperatorPassword);
        var name = $"email-{Guid.NewGuid():N}.pdf";

        using var response = await PostAsync(op, name, TestPdfs.Unique(), new() { ["route"] = "surat-keluar", ["submitterEmail"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, body);
        Assert.Single(body.TrimEnd().Split('\n'));
        await AssertNothingWrittenAsync(name);
    }

    [Fact]
    public async Task Post_KeepsTheUploadInsideTheInbox_WhenTheFileNameTriesToLeaveIt()
    {
        using var op = User("operator", OperatorsHost.OperatorPassword);
        var stem = $"naik-{Guid.NewGuid():N}";

        using var response = await PostAsync(op, $"../../{stem}.pdf", TestPdfs.Unique(), new() { ["route"] = "surat-keluar" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Single(await Eventually.Async(() => DocumentRow.QueryAsync(host.Database, "source_name = $1", $"{stem}.pdf"), r => r.Count == 1,
            TimeSpan.FromSeconds(60), "the upload recorded under its plain name"));
        Assert.False(File.Exists(Path.Combine(Inbox, "..", "..", $"{stem}.pdf")));
    }

    private async Task AssertNothingWrittenAsync(string name)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(File.Exists(Path.Combine(Inbox, name)));
        Assert.Empty(Directory.GetFiles(Inbox, ".upload-*"));
        Assert.Empty(await DocumentRow.QueryAsync(host.Database, "source_name = $1", name));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex HiddenToken();
}
