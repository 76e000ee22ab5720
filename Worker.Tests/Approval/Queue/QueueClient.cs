using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Worker.Tests.Support;

namespace Worker.Tests.Approval.Queue;

/// <summary>A phone stand-in for the queue page: keeps cookies, reads the antiforgery field, posts ticked step ids.</summary>
public sealed partial class QueueClient(string baseUrl) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(baseUrl),
    };

    /// <summary>The queue link's token in a received approval email (its plain-text part).</summary>
    public static string TokenFrom(MimeMessage message) =>
        LinkPattern().Match(message.TextBody ?? "") is { Success: true } m ? m.Groups["token"].Value
            : throw new InvalidOperationException("no queue link in the email");

    /// <summary>The queue token of the latest email to <paramref name="approver"/> about <paramref name="title"/>.</summary>
    public static async Task<string> TokenAsync(ApprovalHost host, Guid id, string approver, string title, int sendsBefore = 0)
    {
        var mail = await host.Smtp.WaitForAsync(approver, title, timeout: TimeSpan.FromSeconds(90));
        await host.SentRecordedAsync(id, sendsBefore + 1);
        return TokenFrom(mail[^1]);
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the queue (for the cookie and field) unless <paramref name="page"/> is given, then posts.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string token, string decision, IEnumerable<string> steps, bool confirm = true,
        string? reason = null, string? passphrase = null, bool withAntiforgery = true, string? page = null)
    {
        page ??= (await GetAsync($"/queue/{token}")).Body;
        var fields = new List<KeyValuePair<string, string>> { new("decision", decision) };
        fields.AddRange(steps.Select(s => new KeyValuePair<string, string>("step", s)));
        if (confirm) fields.Add(new("confirm", "yes"));
        if (reason is not null) fields.Add(new("reason", reason));
        if (passphrase is not null) fields.Add(new("passphrase", passphrase));
        if (withAntiforgery && AntiforgeryField().Match(page) is { Success: true } m) fields.Add(new("__tte", WebUtility.HtmlDecode(m.Groups[1].Value)));
        var response = await http.PostAsync($"/queue/{token}", new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex(@"https?://\S+/queue/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__tte\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
