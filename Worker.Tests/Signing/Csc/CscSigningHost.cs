using System.Text.Json.Nodes;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Csc;

/// <summary>A signing worker whose surat-keluar approver signs through the test CSC service with the official's PIN (kadis-csc).</summary>
public sealed class CscSigningHost : SigningHost, IAsyncLifetime
{
    public const string Operator = "ops@example.go.id";

    public TestCscService Service { get; private set; } = null!;

    protected override void Configure(TestConfig config)
    {
        base.Configure(config);
        Service = TestCscService.StartAsync().GetAwaiter().GetResult();
        var (id, secret) = Service.WriteClientFiles(config.Directory);
        config.Worker["Signers"]!.AsObject()["kadis-csc"] = new JsonObject
        {
            ["Kind"] = "Csc", ["CredentialId"] = Service.Official.Id, ["Nik"] = BsreTestPki.Official.Nik, ["Secret"] = "Pin",
            ["Name"] = BsreTestPki.Official.Name, ["Position"] = "Kepala Dinas",
            ["Csc"] = new JsonObject { ["Url"] = Service.Url, ["ClientIdFile"] = id, ["ClientSecretFile"] = secret, ["Timeout"] = "00:00:30" },
        };
        config.Route["Approvers"]![0]!["Signer"] = "kadis-csc";
        config.Route["Approvers"]![0]!["Name"] = BsreTestPki.Official.Name;
        config.Worker["Mail"]!["Operators"] = new JsonArray(Operator);
        // The operator installs the CSC provider's CA (here the test "BSrE" CA, whose officials' keys the service holds).
        config.Worker["Verification"] = new JsonObject { ["TrustAnchors"] = new JsonArray(BsreTestPki.Instance.CaPem, Pdf.Support.DemoPki.Instance.CaPem) };
    }

    /// <summary>The approval link mailed to <paramref name="approver"/> for the document titled <paramref name="title"/>.</summary>
    public async Task<string> LinkAsync(Guid id, string approver, string title)
    {
        var mail = await Smtp.WaitForAsync(approver, title, timeout: TimeSpan.FromSeconds(60));
        await SentRecordedAsync(id, 1);
        return ApprovalClient.TokenFrom(mail[^1]);
    }

    // Re-implemented so the service stops after the worker that calls it.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Service.DisposeAsync();
    }
}
