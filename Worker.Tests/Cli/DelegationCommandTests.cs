using Worker.Cli;
using Worker.Tests.Approval;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>`Worker delegation set | end | list` against a running worker's database: audited, refused with one line and exit 2 when wrong.</summary>
[Collection(DelegationCollection.Name)]
public sealed class DelegationCommandTests(DelegationHost host)
{
    private static readonly TimeZoneInfo Wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    private static string Day(int fromToday) =>
        $"{DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Wita).DateTime).AddDays(fromToday):yyyy-MM-dd}";

    private Task<(int Code, string Out, string Err)> SetAsync(string approver, string deputy, string kind = "Plt", string signer = "demo",
        int from = 0, int to = 2, string who = "budi.operator") =>
        host.CliAsync("delegation", "set", "--approver", approver, "--deputy", deputy, "--name", "Baso Lolo", "--position", "Kepala Bagian",
            "--signer", signer, "--kind", kind, "--from", Day(from), "--to", Day(to), "--as", who);

    private static void AssertRefused((int Code, string Out, string Err) run, string expected)
    {
        Assert.Equal(ExitCode.Usage, run.Code);
        Assert.Contains(expected, run.Err);
        Assert.Single(run.Err.TrimEnd().Split('\n'));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Set_ListsEndsAndAudits_ThenEndAgainIsRefused()
    {
        var approver = $"kabid-{Guid.NewGuid().ToString()[..8]}@example.go.id";
        var set = await SetAsync(approver, "kasubag@example.go.id");
        Assert.True(set.Code == ExitCode.Done, set.Err);
        var id = Guid.Parse(set.Out.Split(' ', ':')[1]);
        Assert.Contains($"Plt kasubag@example.go.id for {approver}", set.Out);

        var list = await host.CliAsync("delegation", "list");
        Assert.Equal(ExitCode.Done, list.Code);
        Assert.Contains(list.Out.Split('\n'), l => l.StartsWith($"{id}\toperator\tPlt\t{approver}\tkasubag@example.go.id"));
        Assert.Contains(list.Out.Split('\n'), l => l.StartsWith($"-\tconfiguration\tan\t{ApprovalHost.Approver}\t{DelegationHost.Deputy}"));
        Assert.Equal("budi.operator", await host.Database.ScalarAsync<string>(
            $"SELECT actor FROM worker.audit_events WHERE action = 'delegation-set' AND detail LIKE '{id}:%'"));

        var end = await host.CliAsync("delegation", "end", id.ToString(), "--as", "citra.operator");
        Assert.True(end.Code == ExitCode.Done, end.Err);
        Assert.Equal("citra.operator", await host.Database.ScalarAsync<string>(
            $"SELECT actor FROM worker.audit_events WHERE action = 'delegation-ended' AND detail LIKE '{id}:%'"));
        Assert.DoesNotContain(id.ToString(), (await host.CliAsync("delegation", "list")).Out);
        AssertRefused(await host.CliAsync("delegation", "end", id.ToString()), $"no delegation {id} in force or planned");
    }

    [Fact]
    public async Task Set_RefusesWithOneLine_WhenTheDelegationBreaksARule()
    {
        AssertRefused(await SetAsync("kabag@example.go.id", "KABAG@example.go.id"), "cannot be their own deputy");
        // kadis is away (Worker:Delegations): he cannot take someone's requests, and nobody can hand theirs to him.
        AssertRefused(await SetAsync("kabag@example.go.id", ApprovalHost.Approver), "chain refused: the deputy kadis@example.go.id is away too");
        AssertRefused(await SetAsync(DelegationHost.Deputy, "kabag@example.go.id"), "chain refused: sekdis@example.go.id is the deputy of kadis@example.go.id");
        AssertRefused(await SetAsync("kabag@example.go.id", "kasi@example.go.id", signer: "nobody"), "deputy signer: 'nobody' is not a signer under Worker:Signers");
        AssertRefused(await SetAsync("kabag@example.go.id", "kasi@example.go.id", kind: "Wakil"), "kind: 'Wakil' must be Plh, Plt or an");
        AssertRefused(await SetAsync("kabag@example.go.id", "kasi@example.go.id", from: 3, to: 1), "is before from");
        AssertRefused(await SetAsync("kabag@example.go.id", "kasi@example.go.id", from: -5, to: -2), "is already over");
        AssertRefused(await host.CliAsync("delegation", "set", "--approver", "kabag@example.go.id"), "delegation set needs --deputy");
        AssertRefused(await host.CliAsync("delegation", "end", "42"), "'42' is not a delegation id (a GUID)");
        Assert.Equal(0, await host.Database.ScalarAsync<long>("SELECT count(*) FROM worker.delegations WHERE approver_email = 'kabag@example.go.id'"));
    }

    [Fact]
    public async Task Set_RefusesTheSecondDelegation_WhenItOverlapsOneForTheSameOfficial()
    {
        var approver = $"kadin-{Guid.NewGuid().ToString()[..8]}@example.go.id";
        Assert.Equal(ExitCode.Done, (await SetAsync(approver, "kasi1@example.go.id", from: 0, to: 3)).Code);
        AssertRefused(await SetAsync(approver, "kasi2@example.go.id", from: 3, to: 5), $"windows overlap: {approver} already delegates to kasi1@example.go.id");
        Assert.Equal(ExitCode.Done, (await SetAsync(approver, "kasi2@example.go.id", from: 4, to: 5)).Code);
    }

    [Fact]
    public async Task Help_ShowsUsageAndExample()
    {
        var stdout = new StringWriter();
        Assert.Equal(ExitCode.Done, await CommandLine.RunAsync(["delegation", "--help"], stdout, new StringWriter()));
        Assert.Contains("usage: Worker delegation set --approver EMAIL", stdout.ToString());
        Assert.Contains("example:", stdout.ToString());
    }

    [Fact]
    public async Task Set_RoutesTheNextStepToTheDeputy_WhenItIsAskedDuringTheWindow()
    {
        var set = await SetAsync(ApprovalHost.SecondApprover, "asisten@example.go.id", kind: "Plh");
        Assert.True(set.Code == ExitCode.Done, set.Err);
        try
        {
            var (id, title) = await host.SubmitAsync("dua-pejabat");
            var first = (await host.Smtp.WaitForAsync(DelegationHost.Deputy, title))[0];
            await host.SentRecordedAsync(id, 2);
            using var client = host.Client();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync(ApprovalClient.TokenFrom(first), "approve", confirm: true)).Status);
            await host.Smtp.WaitForAsync("asisten@example.go.id", title);
            await host.Smtp.WaitForAsync(ApprovalHost.SecondApprover, title); // the copy
            Assert.Equal("Plh. Sekda", await host.Database.ScalarAsync<string>(
                $"SELECT approver_position FROM worker.approval_steps WHERE document_id = '{id}' AND position = 2"));
        }
        finally
        {
            await host.CliAsync("delegation", "end", set.Out.Split(' ', ':')[1]);
        }
    }
}
