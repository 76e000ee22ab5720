using System.Net;
using System.Text.Json.Nodes;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

public sealed class ApprovalRateLimitTests(ApprovalRateLimitTests.StrictHost host) : IClassFixture<ApprovalRateLimitTests.StrictHost>
{
    /// <summary>Three requests a minute per client.</summary>
    public sealed class StrictHost : ApprovalHost
    {
        protected override void Configure(TestConfig config) => config.Worker["Approval"] = new JsonObject { ["RequestsPerMinute"] = 3 };
    }

    [Fact]
    public async Task Get_Answers429_WhenAClientAsksTooOften()
    {
        using var client = host.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await client.GetAsync($"/approve/{Worker.Approval.ApprovalTokens.New()}")).Status);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
        // Other endpoints are not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).Status);
    }
}
