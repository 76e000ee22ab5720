using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Worker.Configuration;
using Worker.Signing.Watch;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Watch;

/// <summary>
/// The issue's broken signer, end to end: the demo signer's password file goes wrong after the official approved. Within one check
/// /health/ready is 503 naming it, operators get one mail, and Needs attention lists the retrying document with its error and
/// next try behind a red badge; the fix brings one recovery mail, clears the badge, and the retry files the document.
/// </summary>
public sealed class BrokenSignerTests(BrokenSignerTests.Host host) : IClassFixture<BrokenSignerTests.Host>
{
    private const string Operator = "ops@example.go.id";
    private const string OperatorPassword = "operator-secret-1";
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    public sealed class Host : SigningHost
    {
        protected override void Configure(TestConfig config)
        {
            base.Configure(config);
            // Enough retries that the document is still retrying when the fix comes; doubling from 3 s, the tries stay close.
            config.Worker["Signing"] = new JsonObject { ["Retries"] = 8, ["RetryDelay"] = "00:00:03", ["CheckEvery"] = CheckEvery.ToString() };
            config.Worker["Mail"]!["Operators"] = new JsonArray(Operator);
            config.Worker["Dashboard"] = new JsonObject
            {
                ["Users"] = new JsonArray(new JsonObject
                    { ["Name"] = "operator", ["PasswordHash"] = PasswordHash.Create(OperatorPassword), ["Role"] = "Operator" }),
            };
        }
    }

    [Fact]
    public async Task WrongPasswordFile_MakesReadyRedMailsOnceAndListsTheRetry_AndTheFixFilesTheDocumentAndClearsTheBadge()
    {
        var (id, title, token) = await host.SubmitAndReadLinkAsync();
        // Right after a check the next one is a whole interval away: the official approves while the signer last looked fine.
        var watch = host.Worker.App.Services.GetRequiredService<SignerWatch>();
        var waitFrom = DateTimeOffset.UtcNow;
        await Eventually.Async(() => Task.FromResult(watch.Latest), l => l.Any(s => s is { Name: "demo", Ready: true } && s.CheckedAt > waitFrom),
            CheckEvery * 3, "a fresh check of the demo signer");
        var password = await File.ReadAllTextAsync(host.DemoPasswordFile);
        await File.WriteAllTextAsync(host.DemoPasswordFile, "bukan-kata-sandinya\n");
        var broken = DateTimeOffset.UtcNow;
        try
        {
            using (var phone = host.Client())
            {
                var (status, body) = await phone.PostAsync(token, "approve", confirm: true);
                Assert.True(status == HttpStatusCode.OK, body);
            }

            var ready = await Eventually.Async(ReadyAsync, r => r.Status == HttpStatusCode.ServiceUnavailable, Patience, "/health/ready 503");
            Assert.Contains("demo (", ready.Body);
            Assert.Contains("wrong password", ready.Body);
            // One interval, plus the time a loaded machine takes to run the check.
            Assert.True(DateTimeOffset.UtcNow - broken < CheckEvery + TimeSpan.FromSeconds(20), $"503 only after {DateTimeOffset.UtcNow - broken}");
            Assert.Single(await host.Smtp.WaitForAsync(Operator, "Signer demo cannot sign", timeout: Patience));

            var error = await Eventually.Async(() => host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{id}'"),
                e => e is not null, Patience, "the signing error recorded");
            var page = await Eventually.Async(() => DashboardAsync("/hangfire/needs-attention"), p => p.Contains("(retrying)"), Patience,
                "the document listed as retrying");
            var row = RowOf(page, title);
            Assert.Contains("Approved (retrying)", row);
            Assert.Contains(WebUtility.HtmlEncode(error!), row);
            Assert.Matches(@"\d\d-\d\d-\d{4} \d\d:\d\d WITA", row);
            Assert.Contains("metric-danger", Badge(page));
            Assert.Equal("Approved", await host.StateAsync(id));
        }
        finally
        {
            await File.WriteAllTextAsync(host.DemoPasswordFile, password);
        }

        Assert.Single(await host.Smtp.WaitForAsync(Operator, "Signer demo recovered", timeout: Patience));
        await host.WaitForStateAsync(id, "Filed", Patience);
        var after = await Eventually.Async(() => DashboardAsync("/hangfire/needs-attention"), p => !p.Contains(title), Patience,
            "the document gone from Needs attention");
        Assert.DoesNotContain("metric-danger", Badge(after));
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync()).Status);
        // One mail when it broke and one when it recovered: none per failed try.
        Assert.Equal(2, host.Smtp.Received.Count(m => m.To.Mailboxes.Any(a => a.Address == Operator)));
    }

    // The table row that links to the document.
    private static string RowOf(string page, string title) =>
        Regex.Matches(page, "<tr>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).FirstOrDefault(r => r.Contains(WebUtility.HtmlEncode(title)))
        ?? throw new InvalidOperationException($"no row for {title} on the page");

    // The menu's Needs attention badge.
    private static string Badge(string page) =>
        Regex.Match(page, "<span[^>]*data-metric=\"worker:needs-attention\"[^>]*>[^<]*")
            is { Success: true } m ? m.Value : throw new InvalidOperationException("no Needs attention badge on the page");

    private async Task<string> DashboardAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{OperatorPassword}")));
        return await http.GetStringAsync(path);
    }

    private async Task<(HttpStatusCode Status, string Body)> ReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        var response = await http.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
