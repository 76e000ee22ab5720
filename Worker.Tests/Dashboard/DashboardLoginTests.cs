using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Dashboard;
using Worker.Dashboard.Login;
using Worker.Tests.Support;

namespace Worker.Tests.Dashboard;

public sealed partial class DashboardLoginTests(DashboardLoginTests.Host host) : IClassFixture<DashboardLoginTests.Host>
{
    public const string OperatorPassword = "operator-secret-1";
    public const string ViewerPassword = "viewer-secret-1";

    /// <summary>A worker with one operator and one viewer configured.</summary>
    public sealed class Host : WorkerHost
    {
        protected override void Configure(TestConfig config) =>
            config.Worker["Dashboard"] = new JsonObject
            {
                ["Users"] = new JsonArray(
                    new JsonObject { ["Name"] = "operator", ["PasswordHash"] = PasswordHash.Create(OperatorPassword), ["Role"] = "Operator" },
                    new JsonObject { ["Name"] = "viewer", ["PasswordHash"] = PasswordHash.Create(ViewerPassword), ["Role"] = "Viewer" }),
            };
    }

    private HttpClient Client(string? user = null, string? password = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.Config.BaseUrl) };
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    public static TheoryData<string> Pages => ["/hangfire", "/hangfire/documents", "/hangfire/awaiting-approval", "/hangfire/needs-attention"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Answers401_WithoutCredentials(string path)
    {
        using var client = Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Answers200_ForOperatorAndViewer(string path)
    {
        using var op = Client("operator", OperatorPassword);
        using var viewer = Client("viewer", ViewerPassword);
        var response = await op.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Documents", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("viewer", ViewerPassword, HttpStatusCode.Forbidden)]
    [InlineData("operator", OperatorPassword, HttpStatusCode.NoContent)]
    public async Task Action_IsForbiddenForViewer_AndAllowedForOperator(string user, string password, HttpStatusCode expected)
    {
        // Like the dashboard's own script: take the antiforgery token from a page, send it back with the command.
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(host.Config.BaseUrl) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var page = await client.GetStringAsync("/hangfire/jobs/enqueued");
        var header = Regex.Match(page, "<meta name=\"csrf-header\" content=\"([^\"]+)\"").Groups[1].Value;
        var token = Regex.Match(page, "<meta name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/jobs/enqueued/delete")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "999999")]),
        };
        request.Headers.Add(header, WebUtility.HtmlDecode(token));
        Assert.Equal(expected, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Page_Answers401_WhenPasswordIsWrong()
    {
        using var client = Client("operator", "wrong-password");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Browser_IsSentToLoginForm_AndGetsInWithTheForm()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies })
            { BaseAddress = new Uri(host.Config.BaseUrl) };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var first = await browser.GetAsync("/hangfire/documents");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/login", first.Headers.Location!.OriginalString);

        var form = await browser.GetStringAsync(first.Headers.Location);
        var token = AntiforgeryField().Match(form);
        Assert.True(token.Success, form);
        var login = await browser.PostAsync("/login", new FormUrlEncodedContent([
            new(token.Groups["name"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value)),
            new("returnUrl", "/hangfire/documents"), new("name", "operator"), new("password", OperatorPassword),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/hangfire/documents", login.Headers.Location!.OriginalString);

        var page = await browser.GetAsync("/hangfire/documents");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("No documents yet", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public void SignIn_LocksOutAnAddress_AfterFiveFailures()
    {
        var worker = host.Worker.App.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        var users = new DashboardUsers(Options.Create(worker.Dashboard), worker.PublicBaseUrl, TimeProvider.System,
            NullLogger<DashboardUsers>.Instance);
        var attacker = IPAddress.Parse("10.9.8.7");
        for (var i = 0; i < 5; i++) Assert.Null(users.SignIn("operator", "guess" + i, attacker, "test"));
        Assert.True(users.IsLockedOut(attacker, "operator"));
        Assert.Null(users.SignIn("operator", OperatorPassword, attacker, "test"));
        Assert.NotNull(users.SignIn("operator", OperatorPassword, IPAddress.Parse("10.9.8.6"), "test"));
    }

    [Fact]
    public void LoopbackOnlyMode_RefusesANonLoopbackAddress()
    {
        var noUsers = new WorkerOptions();
        var authorization = new DashboardAuthorization(
            new DashboardUsers(Options.Create(noUsers.Dashboard), noUsers.PublicBaseUrl, TimeProvider.System, NullLogger<DashboardUsers>.Instance));
        var storage = host.Worker.App.Services.GetRequiredService<JobStorage>();
        DashboardContextFor(IPAddress.Parse("10.1.2.3"), out var remote, storage);
        DashboardContextFor(IPAddress.Loopback, out var local, storage);
        Assert.False(authorization.Authorize(remote));
        Assert.True(authorization.Authorize(local));
    }

    private IServiceProvider ServicesOf(JobStorage _) => host.Worker.App.Services;

    private void DashboardContextFor(IPAddress address, out AspNetCoreDashboardContext context, JobStorage storage)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = address;
        http.RequestServices = ServicesOf(storage);
        context = new AspNetCoreDashboardContext(storage, new Hangfire.DashboardOptions(), http);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex AntiforgeryField();
}
