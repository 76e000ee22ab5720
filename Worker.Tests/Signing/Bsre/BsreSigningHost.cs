using System.Text.Json.Nodes;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// A signing worker whose approvers sign through the test BSrE service: surat-keluar's approver is the official
/// (kadis-bsre); dua-pejabat (SignEach) has the official then another official (sekda-bsre), each with their own NIK.
/// </summary>
public class BsreSigningHost : SigningHost, IAsyncLifetime
{
    public const string Operator = "ops@example.go.id";

    public TestBsreService Service { get; private set; } = null!;

    protected override void Configure(TestConfig config)
    {
        base.Configure(config);
        Service = TestBsreService.StartAsync().GetAwaiter().GetResult();
        var (user, pass) = Service.WriteClientFiles(config.Directory);
        JsonObject Bsre(string nik, string name) => new()
        {
            ["Kind"] = "Bsre", ["Nik"] = nik, ["Name"] = name, ["Position"] = name,
            ["Bsre"] = new JsonObject { ["Url"] = Service.Url, ["UserFile"] = user, ["PasswordFile"] = pass, ["Timeout"] = "00:01:30" },
        };
        var signers = config.Worker["Signers"]!.AsObject();
        signers["kadis-bsre"] = Bsre(BsreTestPki.Official.Nik, BsreTestPki.Official.Name);
        signers["sekda-bsre"] = Bsre(BsreTestPki.Other.Nik, BsreTestPki.Other.Name);
        config.Route["Approvers"]![0]!["Signer"] = "kadis-bsre";
        config.Route["Approvers"]![0]!["Name"] = BsreTestPki.Official.Name;
        var second = config.Worker["Routes"]![1]!["Approvers"]!;
        second[0]!["Signer"] = "kadis-bsre";
        second[1]!["Signer"] = "sekda-bsre";
        config.Worker["Mail"]!["Operators"] = new JsonArray(Operator);
        // What an operator does for BSrE: install its CA as a trust anchor (beside the demo CA of the local signers).
        config.Worker["Verification"] = new JsonObject { ["TrustAnchors"] = new JsonArray(BsreTestPki.Instance.CaPem, Pdf.Support.DemoPki.Instance.CaPem) };
    }

    /// <summary>The approval link mailed to <paramref name="approver"/> for the document titled <paramref name="title"/>.</summary>
    public async Task<string> LinkAsync(Guid id, string approver, string title, int sendsBefore = 0)
    {
        var mail = await Smtp.WaitForAsync(approver, title, timeout: TimeSpan.FromSeconds(60));
        await SentRecordedAsync(id, sendsBefore + 1);
        return ApprovalClient.TokenFrom(mail[^1]);
    }

    // Re-implemented so the service stops after the worker that calls it.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Service.DisposeAsync();
    }
}
