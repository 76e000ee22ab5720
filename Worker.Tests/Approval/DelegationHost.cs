using System.Text.Json.Nodes;
using Worker.Tests.Operators;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>
/// An operators' worker where kadis is away from yesterday to tomorrow (WITA): Andi Mappa, Sekretaris, signs "a.n." with his
/// own signer profile (Worker:Delegations). Sekda has no deputy in the file, for delegations set by commands and the dashboard.
/// </summary>
public sealed class DelegationHost : OperatorsHost
{
    public const string Deputy = "sekdis@example.go.id";
    public const string DeputyName = "Andi Mappasessu Pawelloi";
    public const string DeputyNip = "19800101 200501 1 002";
    public const string OfficialNip = "19700707 199503 1 001";

    protected override void Configure(TestConfig config)
    {
        base.Configure(config);
        // The official's own NIP and rank, which a deputy's stamp must not show.
        config.Route["Approvers"]![0]!["Nip"] = OfficialNip;
        config.Route["Approvers"]![0]!["Rank"] = "Pembina Utama Muda (IV/c)";
        // The deputy's own profile: its own name; the demo key stands in for his certificate.
        var signer = config.Worker["Signers"]!["demo"]!.DeepClone().AsObject();
        signer["Name"] = DeputyName;
        config.Worker["Signers"]!["sekdis"] = signer;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")).DateTime);
        config.Worker["Delegations"] = new JsonArray(new JsonObject
        {
            ["Approver"] = Approver, ["From"] = $"{today.AddDays(-1):yyyy-MM-dd}", ["To"] = $"{today.AddDays(1):yyyy-MM-dd}", ["Kind"] = "an",
            ["Deputy"] = new JsonObject { ["Email"] = Deputy, ["Name"] = DeputyName, ["Position"] = "Sekretaris", ["Signer"] = "sekdis",
                ["Nip"] = DeputyNip, ["Rank"] = "Pembina (IV/a)",
            },
        });
    }
}
