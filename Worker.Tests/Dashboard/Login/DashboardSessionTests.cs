using System.Net;
using System.Text.Json.Nodes;
using Worker.Configuration;
using Worker.Dashboard;
using Worker.Dashboard.Login;
using Worker.Tests.Support;

namespace Worker.Tests.Dashboard.Login;

/// <summary>A dashboard cookie is checked against the configured users on every request, across restarts.</summary>
public sealed class DashboardSessionTests : IAsyncLifetime
{
    private const string Password = "operator-secret-1";
    private readonly TestDatabase database = new();
    private TestConfig config = null!;
    private readonly string hash = PasswordHash.Create(Password);

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        config = new TestConfig(database.ConnectionString);
        SetUser("operator", "Operator", hash);
    }

    public async Task DisposeAsync()
    {
        config.Dispose();
        await database.DisposeAsync();
    }

    private void SetUser(string name, string role, string passwordHash) =>
        config.Worker["Dashboard"] = new JsonObject
        {
            ["Users"] = new JsonArray(new JsonObject { ["Name"] = name, ["PasswordHash"] = passwordHash, ["Role"] = role }),
        };

    /// <summary>What the cookie from the first run gets on /hangfire from a worker started with the configuration as it is now.</summary>
    private async Task<HttpStatusCode> DashboardWithOldCookieAsync(CookieContainer cookies)
    {
        await using var worker = await TestWorker.StartAsync(config);
        using var browser = DashboardLogin.Browser(config.BaseUrl, cookies);
        return (await browser.GetAsync("/hangfire")).StatusCode;
    }

    private async Task<CookieContainer> SignInAsync()
    {
        var cookies = new CookieContainer();
        await using var worker = await TestWorker.StartAsync(config);
        using var browser = DashboardLogin.Browser(config.BaseUrl, cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardLogin.PostAsync(browser, "operator", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        return cookies;
    }

    [Fact]
    public async Task Cookie_IsRefused_WhenTheUserWasDemotedOrThePasswordChangedOrTheUserRemoved()
    {
        var cookies = await SignInAsync();
        // Unchanged users: the cookie survives a restart (so what follows is the check, not the restart).
        Assert.Equal(HttpStatusCode.OK, await DashboardWithOldCookieAsync(cookies));
        SetUser("operator", "Viewer", hash);
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardWithOldCookieAsync(cookies));
        SetUser("operator", "Operator", PasswordHash.Create("a-new-password-2"));
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardWithOldCookieAsync(cookies));
        SetUser("someone-else", "Operator", hash);
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardWithOldCookieAsync(cookies));
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(13, false)]
    public void IsCurrent_EndsTheSession_AfterTheAbsoluteLifetime(int hoursLater, bool current)
    {
        var options = new WorkerOptions();
        var user = new DashboardUserOptions { Name = "operator", PasswordHash = hash, Role = DashboardRole.Operator };
        options.Dashboard.Users.Add(user);
        var signedIn = DateTimeOffset.Parse("2026-03-02T01:00:00Z");
        var principal = DashboardSession.Principal(user, signedIn, "test");
        Assert.Equal(current, DashboardSession.IsCurrent(principal, options, signedIn.AddHours(hoursLater)));
    }
}
