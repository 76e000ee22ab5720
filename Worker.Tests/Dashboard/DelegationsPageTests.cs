using System.Net;
using Worker.Tests.Approval;
using Worker.Tests.Operators;
using Worker.Tests.Support;

namespace Worker.Tests.Dashboard;

/// <summary>The dashboard's Delegations page: operators set and end a deputy with the antiforgery token; viewers only read.</summary>
[Collection(DelegationCollection.Name)]
public sealed class DelegationsPageTests(DelegationHost host)
{
    private DashboardUser Operator() => new(host.Config.BaseUrl, "operator", OperatorsHost.OperatorPassword);

    private DashboardUser Viewer() => new(host.Config.BaseUrl, "viewer", OperatorsHost.ViewerPassword);

    private static string Day(int fromToday) => $"{DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")).DateTime).AddDays(fromToday):yyyy-MM-dd}";

    private static KeyValuePair<string, string>[] Form(string approver, string deputy = "kasi@example.go.id", string kind = "Plh", string to = "") =>
    [
        new("approver", approver), new("deputy", deputy), new("name", "Wa Ode Sitti"), new("position", "Kepala Seksi"),
        new("signer", "demo"), new("kind", kind), new("from", Day(0)), new("to", to.Length > 0 ? to : Day(1)),
    ];

    private Task<long> CountAsync(string approver) =>
        host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.delegations WHERE approver_email = '{approver}'");

    [Fact]
    public async Task SetForm_RecordsTheDelegationAsTheOperator_AndEndNowEndsIt()
    {
        var approver = $"kaban-{Guid.NewGuid().ToString()[..8]}@example.go.id";
        using var op = Operator();
        var page = await op.PageAsync("/hangfire/delegations");
        Assert.Contains("id=\"delegation-set\"", page);
        Assert.Contains("Worker:Delegations", page); // the configured delegation of kadis is listed too

        var (status, body) = await op.PostFormAsync("/hangfire/operators/delegations/set", Form(approver));
        Assert.True(status == HttpStatusCode.OK, body);
        var id = body.Split(' ', ':')[1];
        Assert.Contains(approver, await op.PageAsync("/hangfire/delegations"));
        Assert.Equal("operator", await host.Database.ScalarAsync<string>(
            $"SELECT actor FROM worker.audit_events WHERE action = 'delegation-set' AND detail LIKE '{id}:%'"));

        var (ended, answer) = await op.PostFormAsync("/hangfire/operators/delegations/end", [new("id", id)]);
        Assert.True(ended == HttpStatusCode.OK, answer);
        Assert.DoesNotContain(approver, await op.PageAsync("/hangfire/delegations"));
        Assert.Equal(HttpStatusCode.NotFound, (await op.PostFormAsync("/hangfire/operators/delegations/end", [new("id", id)])).Status);
    }

    [Fact]
    public async Task SetForm_AnswersConflictWithTheReason_WhenTheFormBreaksARule()
    {
        var approver = $"kacab-{Guid.NewGuid().ToString()[..8]}@example.go.id";
        using var op = Operator();
        var (status, body) = await op.PostFormAsync("/hangfire/operators/delegations/set", Form(approver, deputy: approver));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("cannot be their own deputy", body);
        (status, body) = await op.PostFormAsync("/hangfire/operators/delegations/set", Form(approver, to: Day(-1)));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("is before from", body);
        Assert.Equal(0, await CountAsync(approver));
    }

    [Fact]
    public async Task SetForm_ChangesNothing_ForAViewerOrWithoutTheAntiforgeryToken()
    {
        var approver = $"karo-{Guid.NewGuid().ToString()[..8]}@example.go.id";
        using var viewer = Viewer();
        Assert.DoesNotContain("id=\"delegation-set\"", await viewer.PageAsync("/hangfire/delegations"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostFormAsync("/hangfire/operators/delegations/set", Form(approver))).Status);
        using var op = Operator();
        Assert.NotEqual(HttpStatusCode.OK, (await op.PostFormAsync("/hangfire/operators/delegations/set", Form(approver), antiforgery: false)).Status);
        Assert.Equal(0, await CountAsync(approver));
    }
}
