using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace Worker.Tests.Support;

/// <summary>A browser stand-in for the approval pages: keeps cookies, reads the antiforgery field, posts the form.</summary>
public sealed partial class ApprovalClient(string baseUrl) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(baseUrl),
    };

    /// <summary>The token of the approval link in a received email (from its plain-text part).</summary>
    public static string TokenFrom(MimeMessage message) =>
        LinkPattern().Match(message.TextBody ?? "") is { Success: true } m ? m.Groups["token"].Value
            : throw new InvalidOperationException("no approval link in the email");

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>
    /// Opens the page (for the cookie and field), then posts; <paramref name="withAntiforgery"/> false leaves the field out;
    /// <paramref name="openedEarlier"/> posts the form of a page this client opened before, as a phone left open does.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string token, string decision, bool confirm, string? reason = null,
        bool withAntiforgery = true, string? passphrase = null, string? openedEarlier = null)
    {
        var page = openedEarlier ?? (await GetAsync($"/approve/{token}")).Body;
        var fields = new List<KeyValuePair<string, string>> { new("decision", decision) };
        if (confirm) fields.Add(new("confirm", "yes"));
        if (reason is not null) fields.Add(new("reason", reason));
        if (passphrase is not null) fields.Add(new("passphrase", passphrase));
        if (withAntiforgery && AntiforgeryField().Match(page) is { Success: true } m) fields.Add(new("__tte", WebUtility.HtmlDecode(m.Groups[1].Value)));
        var response = await http.PostAsync($"/approve/{token}", new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex(@"https?://\S+/approve/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__tte\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
