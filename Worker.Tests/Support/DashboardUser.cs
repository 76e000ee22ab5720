using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Worker.Tests.Support;

/// <summary>A signed-in dashboard user that keeps cookies and sends the antiforgery header, as the dashboard's script does.</summary>
public sealed class DashboardUser(string baseUrl, string name, string password) : IDisposable
{
    private readonly HttpClient http = Login(baseUrl, name, password);

    private static HttpClient Login(string baseUrl, string name, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));
        return client;
    }

    public Task<string> PageAsync(string path) => http.GetStringAsync(path);

    public Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string? reason = null, bool antiforgery = true) =>
        PostFormAsync(path, reason is null ? [] : [new("reason", reason)], antiforgery);

    public async Task<(HttpStatusCode Status, string Body)> PostFormAsync(
        string path, IEnumerable<KeyValuePair<string, string>> fields, bool antiforgery = true)
    {
        var page = await http.GetStringAsync("/hangfire/documents");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (antiforgery)
            request.Headers.Add(Meta(page, "csrf-header"), WebUtility.HtmlDecode(Meta(page, "csrf-token")));
        var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => http.Dispose();

    private static string Meta(string page, string name) =>
        Regex.Match(page, $"<meta name=\"{name}\" content=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } v ? v
            : throw new InvalidOperationException($"no {name} meta tag on the page");
}
