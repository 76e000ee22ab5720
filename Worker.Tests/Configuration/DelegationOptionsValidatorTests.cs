using System.Text.Json.Nodes;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Configuration;

/// <summary>Each wrong Worker:Delegations entry stops `Worker run` with exit code 2 and one line naming the key.</summary>
public sealed class DelegationOptionsValidatorTests : IDisposable
{
    // No database is needed: validation happens before anything connects.
    private readonly TestConfig config = new("Host=127.0.0.1;Database=unused;Username=unused");

    public void Dispose() => config.Dispose();

    private static JsonObject Entry(string approver = "kadis@example.go.id", string deputy = "sekdis@example.go.id",
        string from = "2026-12-07", string to = "2026-12-11", string kind = "Plh", string signer = "demo") => new()
    {
        ["Approver"] = approver, ["From"] = from, ["To"] = to, ["Kind"] = kind,
        ["Deputy"] = new JsonObject { ["Email"] = deputy, ["Name"] = "Andi Mappa", ["Position"] = "Sekretaris", ["Signer"] = signer },
    };

    private async Task<(int Code, string Error)> RunWithAsync(params JsonObject[] entries)
    {
        config.Worker["Delegations"] = new JsonArray(entries);
        var err = new StringWriter();
        var code = await CommandLine.RunAsync(["run", "--config", config.Write()], new StringWriter(), err);
        return (code, err.ToString());
    }

    private static void AssertRefused((int Code, string Error) run, string expected)
    {
        Assert.Equal(ExitCode.Usage, run.Code);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Check_RefusesTheKind_WhenItIsNotPlhPltOrAn() =>
        AssertRefused(await RunWithAsync(Entry(kind: "Wakil")), "Worker:Delegations:0:Kind: 'Wakil' must be Plh, Plt or an");

    [Fact]
    public async Task Check_RefusesTo_WhenItIsBeforeFrom() =>
        AssertRefused(await RunWithAsync(Entry(from: "2026-12-11", to: "2026-12-07")), "Worker:Delegations:0:To: 2026-12-07 is before From 2026-12-11");

    [Fact]
    public async Task Check_RefusesADate_WhenItIsNotYearMonthDay() =>
        AssertRefused(await RunWithAsync(Entry(from: "07/12/2026")), "Worker:Delegations:0:From: '07/12/2026' is not a date (yyyy-MM-dd)");

    [Fact]
    public async Task Check_RefusesTheDeputySigner_WhenNoSuchSignerIsConfigured() =>
        AssertRefused(await RunWithAsync(Entry(signer: "sekdis")), "Worker:Delegations:0:Deputy:Signer: 'sekdis' is not a signer under Worker:Signers");

    [Fact]
    public async Task Check_RefusesTheSecondEntry_WhenWindowsOfOneApproverOverlap() =>
        AssertRefused(await RunWithAsync(Entry(), Entry(deputy: "kabid@example.go.id", from: "2026-12-11", to: "2026-12-14")),
            "Worker:Delegations:1: windows overlap: kadis@example.go.id already delegates to sekdis@example.go.id");

    [Fact]
    public async Task Check_RefusesADelegationToOneself() =>
        AssertRefused(await RunWithAsync(Entry(deputy: "KADIS@example.go.id")), "Worker:Delegations:0: kadis@example.go.id cannot be their own deputy");

    [Fact]
    public async Task Check_RefusesAChain_WhenTheDeputyIsAwayTooAtTheSameTime() =>
        AssertRefused(await RunWithAsync(Entry(), Entry(approver: "sekdis@example.go.id", deputy: "kabid@example.go.id", from: "2026-12-10", to: "2026-12-12")),
            "Worker:Delegations:1: chain refused: sekdis@example.go.id is the deputy of kadis@example.go.id");

    [Fact]
    public async Task Check_AcceptsBackToBackWindows_AndAcceptsAnAsTheKind()
    {
        config.Route["Inbox"] = "/srv/nope/inbox"; // a later, unrelated problem proves the delegations passed
        var run = await RunWithAsync(Entry(), Entry(deputy: "kabid@example.go.id", from: "2026-12-12", to: "2026-12-14", kind: "a.n."));
        AssertRefused(run, "Worker:Routes:0:Inbox: folder /srv/nope/inbox does not exist");
        Assert.DoesNotContain("more problem", run.Error);
    }
}
