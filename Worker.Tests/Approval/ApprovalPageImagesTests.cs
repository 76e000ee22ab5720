using System.Net;
using System.Text.RegularExpressions;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>
/// The pages in place over HTTP, as an attacker would try them: the image addresses carry no secret, and an image is served only
/// to the browser that opened that document's open link (not another document's, not after the decision, no traversal).
/// </summary>
public sealed partial class ApprovalPageImagesTests(ApprovalPageImagesTests.PagesHost host) : IClassFixture<ApprovalPageImagesTests.PagesHost>
{
    /// <summary>The route names its unit, and at most three pages are drawn.</summary>
    public sealed class PagesHost : ApprovalHost
    {
        protected override void Configure(TestConfig config)
        {
            config.Route["Unit"] = "Dinas Komunikasi dan Informatika";
            config.Worker["Approval"]!["PreviewMaxPages"] = 3;
        }
    }

    [Fact]
    public async Task Get_ShowsLazyPageImages_WhoseAddressesCarryNoSecret()
    {
        var (id, _, token) = await host.SubmitAndReadLinkAsync();
        using var http = Raw();
        var page = await http.GetAsync($"/approve/{token}");
        var body = await page.Content.ReadAsStringAsync();

        var images = ImageTags().Matches(body).Select(m => m.Value).ToList();
        Assert.Equal(3, images.Count);
        Assert.All(images, tag => Assert.Contains("loading=\"lazy\"", tag));
        var sources = images.Select(tag => ImageSource().Match(tag).Groups[1].Value).ToList();
        Assert.Equal([1, 2, 3], sources.Select(s => int.Parse(s.Split('/')[^1].Split('.')[0])));
        Assert.All(sources, s => Assert.StartsWith($"/approve/pages/{id:N}/", s));
        Assert.All(sources, s => Assert.DoesNotContain(token, s));
        // The fourth page is past the cap: the page says where to read it.
        Assert.Contains("Halaman 4 sampai 4 tidak ditampilkan di sini", body);

        var cookie = GrantCookie(page);
        Assert.Contains($"path=/approve/pages/{id:N}", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, cookie);

        var image = await GetImageAsync(http, sources[0], GrantValue(page));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Contains("private", image.Headers.CacheControl?.ToString());
        Assert.Contains("no-store", image.Headers.CacheControl?.ToString());
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        Assert.True(bytes.Length < 150_000, $"first page image is {bytes.Length} bytes");
        // Drawn once into the worker's own data directory, from the exact approved bytes.
        Assert.True(File.Exists(Path.Combine(host.Worker.Options.DataDirectory, "previews", id.ToString("N"), "1.jpg")));
    }

    [Fact]
    public async Task Get_ShowsFileNameSenderUnitAndNote_WithoutTheHash()
    {
        const string note = "Mohon ditandatangani hari ini.\nLampiran menyusul.";
        var (id, _, token) = await host.SubmitAndReadLinkAsync(submitter: null, note: note);
        using var client = host.Client();
        var (status, body, _) = await client.GetAsync($"/approve/{token}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"surat-{id.ToString()[..8]}.pdf", body);
        Assert.Contains("Dinas Komunikasi dan Informatika", body);
        Assert.Contains("Catatan dari pengirim", body);
        Assert.Contains("Mohon ditandatangani hari ini.", body);
        Assert.Contains("Lampiran menyusul.", body);
        Assert.DoesNotContain("SHA-256", body);
        Assert.DoesNotContain(await host.Database.ScalarAsync<string>($"SELECT sha256 FROM worker.documents WHERE id = '{id}'") is { } sha ? sha[..16] : "?", body);
        Assert.Contains($"/approve/{token}/document", body);
    }

    [Fact]
    public async Task Image_IsNotServed_WithoutTheGrantOrWithAForgedOne()
    {
        var (id, _, token) = await host.SubmitAndReadLinkAsync();
        using var http = Raw();
        Assert.Equal(HttpStatusCode.NotFound, (await GetImageAsync(http, $"/approve/pages/{id:N}/1.jpg", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetImageAsync(http, $"/approve/pages/{id:N}/1.jpg", "CfDJ8forged")).StatusCode);
        // Even the link's token itself, sent as the cookie, is not a grant.
        Assert.Equal(HttpStatusCode.NotFound, (await GetImageAsync(http, $"/approve/pages/{id:N}/1.jpg", token)).StatusCode);
    }

    [Fact]
    public async Task Image_IsNotServed_ForAnotherDocument_WithThisDocumentsGrant()
    {
        var (_, _, tokenA) = await host.SubmitAndReadLinkAsync();
        var (idB, _, _) = await host.SubmitAndReadLinkAsync();
        using var http = Raw();
        var grantA = GrantValue(await http.GetAsync($"/approve/{tokenA}"));

        // The cookie's path keeps a browser from sending it; an attacker sends it anyway.
        var response = await GetImageAsync(http, $"/approve/pages/{idB:N}/1.jpg", grantA);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Image_IsNotServed_AfterTheLinkDecided()
    {
        var (id, _, token) = await host.SubmitAndReadLinkAsync();
        using var http = Raw();
        var grant = GrantValue(await http.GetAsync($"/approve/{token}"));
        Assert.Equal(HttpStatusCode.OK, (await GetImageAsync(http, $"/approve/pages/{id:N}/2.jpg", grant)).StatusCode);

        using var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(token, "reject", confirm: true, reason: "Salah alamat")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetImageAsync(http, $"/approve/pages/{id:N}/2.jpg", grant)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetImageAsync(http, $"/approve/pages/{id:N}/1.jpg", grant)).StatusCode);
    }

    [Theory]
    [InlineData("0.jpg")]
    [InlineData("4.jpg")]
    [InlineData("-1.jpg")]
    [InlineData("1.jpg.failed")]
    [InlineData("%2e%2e%2f%2e%2e%2f1.jpg")]
    [InlineData("..%2F..%2F..%2Fcontent%2F1.jpg")]
    [InlineData("1.jpg%00.png")]
    [InlineData("99999999999999999999.jpg")]
    public async Task Image_IsNotServed_ForPagesOutsideTheDocumentOrTraversal(string tail)
    {
        var (id, _, token) = await host.SubmitAndReadLinkAsync();
        using var http = Raw();
        var grant = GrantValue(await http.GetAsync($"/approve/{token}"));

        var response = await GetImageAsync(http, $"/approve/pages/{id:N}/{tail}", grant);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var traversal = await GetImageAsync(http, $"/approve/pages/%2e%2e%2f{id:N}/1.jpg", grant);
        Assert.NotEqual(HttpStatusCode.OK, traversal.StatusCode);
    }

    private HttpClient Raw() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.Config.BaseUrl) };

    private static async Task<HttpResponseMessage> GetImageAsync(HttpClient http, string path, string? grant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (grant is not null) request.Headers.Add("Cookie", $"tte-pages={grant}");
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string GrantCookie(HttpResponseMessage page) =>
        page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tte-pages=", StringComparison.Ordinal));

    private static string GrantValue(HttpResponseMessage page) => GrantCookie(page).Split(';')[0]["tte-pages=".Length..];

    [GeneratedRegex("<img class=\"page\"[^>]*>")]
    private static partial Regex ImageTags();

    [GeneratedRegex("src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();
}
