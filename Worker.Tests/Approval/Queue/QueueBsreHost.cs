using System.Text.Json.Nodes;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Approval.Queue;

/// <summary>
/// The BSrE signing worker plus a route "serentak" (Mode=All): the second secretary (local key) and then the official (BSrE,
/// signs last) are asked at once, so the official's step waits in the queue before it is the official's turn to sign.
/// </summary>
public sealed class QueueBsreHost : BsreSigningHost
{
    public const string AllRoute = "serentak";

    protected override void Configure(TestConfig config)
    {
        base.Configure(config);
        string Dir(string name) => Directory.CreateDirectory(Path.Combine(config.Directory, "routes", AllRoute, name)).FullName;
        config.Worker["Routes"]!.AsArray().Add(new JsonObject
        {
            ["Name"] = AllRoute, ["Inbox"] = Dir("inbox"), ["Archive"] = Dir("signed") + "/{name}.pdf", ["Declined"] = Dir("declined"),
            ["Failed"] = Dir("failed"), ["Mode"] = "All",
            ["Approvers"] = new JsonArray(
                new JsonObject { ["Email"] = SecondApprover, ["Name"] = "Sekretaris Daerah", ["Position"] = "Sekda", ["Signer"] = "demo" },
                new JsonObject { ["Email"] = Approver, ["Name"] = BsreTestPki.Official.Name, ["Position"] = "Kepala Dinas", ["Signer"] = "kadis-bsre" }),
        });
    }
}
