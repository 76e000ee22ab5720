using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Worker.Configuration;
using Worker.Dashboard;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

/// <summary>
/// The normal deployment: nginx with TLS on the same host (config/nginx-example.conf), so every request reaches the worker
/// from loopback. Each 127.x address below is a different client of nginx.
/// </summary>
public sealed class BehindNginxTests(BehindNginxTests.Host host) : IClassFixture<BehindNginxTests.Host>
{
    private const string Password = "operator-secret-1";
    private const int ApprovalsPerMinute = 5;
    private const int ApiRequestsPerMinute = 5;
    // Fixed in VerifyEndpoints: 30 uploads or lookups a minute per client.
    private const int VerifyRequestsPerMinute = 30;

    /// <summary>A worker on loopback with one operator, behind nginx, knowing 127.0.0.1 as its proxy.</summary>
    public sealed class Host : WorkerHost
    {
        public NginxProxy Proxy { get; private set; } = null!;

        protected override void Configure(TestConfig config)
        {
            Proxy = new NginxProxy(config.BaseUrl);
            config.Worker["PublicBaseUrl"] = Proxy.HttpsUrl;
            config.Worker["Web"]!["KnownProxies"] = new JsonArray("127.0.0.1");
            config.Worker["Approval"] = new JsonObject { ["RequestsPerMinute"] = ApprovalsPerMinute };
            config.Worker["Api"] = new JsonObject { ["RequestsPerMinute"] = ApiRequestsPerMinute };
            config.Worker["Dashboard"] = new JsonObject
            {
                ["Users"] = new JsonArray(new JsonObject { ["Name"] = "operator", ["PasswordHash"] = PasswordHash.Create(Password), ["Role"] = "Operator" }),
            };
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Proxy.Dispose();
        }
    }

    private static AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + password)));

    [Fact]
    public async Task Dashboard_NeedsALogin_ThroughTheProxy_ThoughThePeerIsLoopback()
    {
        using var client = host.Proxy.Client("127.0.0.2");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/hangfire/documents");
        page.Headers.Accept.ParseAdd("text/html");
        var redirect = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/login", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Metrics_AreClosed_ThroughTheProxy_AndOpenToASignedInUser()
    {
        using var client = host.Proxy.Client("127.0.0.2");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = Basic(Password) } };
        var signedIn = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("worker_documents", await signedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_ShowsOnlyTheStatus_ThroughTheProxy()
    {
        using var client = host.Proxy.Client("127.0.0.2");
        var body = await client.GetStringAsync("/health/ready");
        Assert.Contains("\"status\"", body);
        Assert.DoesNotContain("checks", body);
        Assert.DoesNotContain(host.Config.Directory, body);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready") { Headers = { Authorization = Basic(Password) } };
        Assert.Contains("route-folders", await (await client.SendAsync(request)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_SetsOnlySecureCookies_ThroughTheProxy()
    {
        var cookies = new CookieContainer();
        using var client = host.Proxy.Client("127.0.0.3", cookies: cookies);
        var response = await LoginAsync(client, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var set = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(set, c => c.StartsWith("tte-dashboard=", StringComparison.Ordinal));
        Assert.All(set, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies.GetAllCookies(), c => Assert.True(c.Secure, c.Name));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task ApprovalRateLimit_IsPerClient_ThroughTheProxy_AndAForgedForwardedForDoesNotEscapeIt()
    {
        using var first = host.Proxy.Client("127.0.0.4");
        using var second = host.Proxy.Client("127.0.0.5");
        for (var i = 0; i < ApprovalsPerMinute; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await first.GetAsync("/approve/" + new string('a', 43))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync("/approve/" + new string('a', 43))).StatusCode);
        // The client's own X-Forwarded-For is overwritten by nginx, so it cannot pose as someone else.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/approve/" + new string('a', 43));
        forged.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SendAsync(forged)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await second.GetAsync("/approve/" + new string('a', 43))).StatusCode);
    }

    [Fact]
    public async Task VerifyRateLimit_IsPerClient_ThroughTheProxy_AndAForgedForwardedForDoesNotEscapeIt()
    {
        using var first = host.Proxy.Client("127.0.0.20");
        using var second = host.Proxy.Client("127.0.0.21");
        var path = "/verify/" + Guid.NewGuid();
        for (var i = 0; i < VerifyRequestsPerMinute; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await first.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync(path)).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, path);
        forged.Headers.Add("X-Forwarded-For", "203.0.113.10");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SendAsync(forged)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await second.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ApiRateLimit_IsPerClient_ThroughTheProxy_ForRequestsWithoutAKnownKey()
    {
        using var first = host.Proxy.Client("127.0.0.22");
        using var second = host.Proxy.Client("127.0.0.23");
        var path = "/api/documents/" + Guid.NewGuid();
        for (var i = 0; i < ApiRequestsPerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync(path)).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, path);
        forged.Headers.Add("X-Forwarded-For", "203.0.113.11");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "tte_not-a-key");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task LoginLockout_IsPerClient_ThroughTheProxy()
    {
        using var guesser = host.Proxy.Client("127.0.0.6", cookies: new CookieContainer());
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(guesser, "guess-" + i)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(guesser, Password)).StatusCode);
        using var colleague = host.Proxy.Client("127.0.0.7", cookies: new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(colleague, Password)).StatusCode);
    }

    [Fact]
    public async Task BasicAuth_IsRefused_OverPlainHttp()
    {
        // nginx's plain-http server only redirects; nothing reaches the worker.
        using var plain = host.Proxy.Client("127.0.0.8", https: false);
        using var overHttp = new HttpRequestMessage(HttpMethod.Get, "/hangfire") { Headers = { Authorization = Basic(Password) } };
        var redirect = await plain.SendAsync(overHttp);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.StartsWith("https://", redirect.Headers.Location!.OriginalString);
        // The worker itself answers a request its proxy saw as http, or a direct one on loopback, only with the way to https.
        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.Config.BaseUrl) };
        using var proxiedHttp = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        proxiedHttp.Headers.Authorization = Basic(Password);
        proxiedHttp.Headers.Add("X-Forwarded-For", "198.51.100.7");
        proxiedHttp.Headers.Add("X-Forwarded-Proto", "http");
        var proxied = await direct.SendAsync(proxiedHttp);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, proxied.StatusCode);
        Assert.Equal(host.Proxy.HttpsUrl + "/hangfire", proxied.Headers.Location!.OriginalString);
        Assert.False(proxied.Headers.Contains("Set-Cookie"));
        using var loopback = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = Basic(Password) } };
        Assert.Equal(HttpStatusCode.TemporaryRedirect, (await direct.SendAsync(loopback)).StatusCode);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent([new("name", "operator"), new("password", Password)]) };
        Assert.Equal(HttpStatusCode.Forbidden, (await direct.SendAsync(post)).StatusCode);
        // Over https through the proxy the same credentials work.
        using var secure = host.Proxy.Client("127.0.0.8");
        using var overHttps = new HttpRequestMessage(HttpMethod.Get, "/hangfire") { Headers = { Authorization = Basic(Password) } };
        Assert.Equal(HttpStatusCode.OK, (await secure.SendAsync(overHttps)).StatusCode);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string password) =>
        DashboardLogin.PostAsync(client, "operator", password);
}
