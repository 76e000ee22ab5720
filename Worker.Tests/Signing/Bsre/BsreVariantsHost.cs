using System.Text.Json.Nodes;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// The BSrE worker with the other ways officials sign: surat-keluar's official types a TOTP code BSrE sends;
/// dua-pejabat is Mode=All with the last approver signing through an install that speaks API v1; kadaluarsa's
/// official has a certificate the test service reports as EXPIRED.
/// </summary>
public sealed class BsreVariantsHost : BsreSigningHost
{
    /// <summary>NIK of the official whose certificate BSrE reports as EXPIRED.</summary>
    public const string LapsedNik = "7601012301800005";

    protected override void Configure(TestConfig config)
    {
        base.Configure(config);
        var signers = config.Worker["Signers"]!.AsObject();
        signers["kadis-bsre"]!["Secret"] = "Totp";
        signers["sekda-bsre"]!["Bsre"]!["Api"] = "V1";
        var lapsed = signers["kadis-bsre"]!.DeepClone().AsObject();
        lapsed["Nik"] = LapsedNik;
        lapsed["Secret"] = "Passphrase";
        signers["lapsed-bsre"] = lapsed;
        Service.StatusOverrides[LapsedNik] = "EXPIRED";

        var all = config.Worker["Routes"]![1]!;
        all["Mode"] = "All";
        all["SignEach"] = false;
        config.Worker["Routes"]!.AsArray().Add(LapsedRoute(config));
    }

    private static JsonObject LapsedRoute(TestConfig config)
    {
        string Dir(string name) => System.IO.Directory.CreateDirectory(Path.Combine(config.Directory, "routes", "kadaluarsa", name)).FullName;
        return new JsonObject
        {
            ["Name"] = "kadaluarsa", ["Inbox"] = Dir("inbox"), ["Archive"] = Dir("signed") + "/{name}.pdf", ["Declined"] = Dir("declined"),
            ["Failed"] = Dir("failed"), ["Contact"] = "tu@example.go.id",
            ["Approvers"] = new JsonArray(new JsonObject
            {
                ["Email"] = Approver, ["Name"] = "Pejabat Kedaluwarsa", ["Position"] = "Kepala Bidang", ["Signer"] = "lapsed-bsre",
            }),
        };
    }
}
