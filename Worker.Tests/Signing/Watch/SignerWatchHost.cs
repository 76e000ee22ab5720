using System.Text.Json.Nodes;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Signing.Pkcs11;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Watch;

/// <summary>
/// A worker whose signers are checked every second: surat-keluar signs with a key on a SoftHSM2 token (kadis-hsm);
/// dua-pejabat with the demo PKCS#12 key, then the official through the test BSrE service (kadis-bsre).
/// </summary>
public sealed class SignerWatchHost : SigningHost, IAsyncLifetime
{
    public const string Operator = "ops@example.go.id";

    public SoftHsm.Token Token { get; private set; } = null!;

    public TestBsreService Bsre { get; private set; } = null!;

    protected override void Configure(TestConfig config)
    {
        base.Configure(config);
        // pdfsig judges each certificate once per file, so the token holds a key the other signers do not use.
        Token = SoftHsm.Instance.Create(DemoPki.Instance.SecondRsa);
        Bsre = TestBsreService.StartAsync().GetAwaiter().GetResult();
        var (user, pass) = Bsre.WriteClientFiles(config.Directory);
        var signers = config.Worker["Signers"]!.AsObject();
        signers["kadis-hsm"] = new JsonObject
        {
            ["Kind"] = "Pkcs11", ["Name"] = "Kepala Dinas", ["Position"] = "Kepala Dinas",
            ["Pkcs11"] = new JsonObject { ["Library"] = SoftHsm.Library, ["TokenLabel"] = Token.Label, ["KeyLabel"] = Token.KeyLabel, ["PinFile"] = Token.PinFile },
        };
        signers["kadis-bsre"] = new JsonObject
        {
            ["Kind"] = "Bsre", ["Nik"] = BsreTestPki.Official.Nik, ["Name"] = BsreTestPki.Official.Name, ["Position"] = "Sekretaris Daerah",
            ["Bsre"] = new JsonObject { ["Url"] = Bsre.Url, ["UserFile"] = user, ["PasswordFile"] = pass, ["Timeout"] = "00:00:05" },
        };
        config.Route["Approvers"]![0]!["Signer"] = "kadis-hsm";
        config.Worker["Routes"]![1]!["Approvers"]![1]!["Signer"] = "kadis-bsre";
        config.Worker["Signing"]!["CheckEvery"] = "00:00:01";
        config.Worker["Mail"]!["Operators"] = new JsonArray(Operator);
        config.Worker["Verification"] = new JsonObject { ["TrustAnchors"] = new JsonArray(DemoPki.Instance.CaPem, BsreTestPki.Instance.CaPem) };
    }

    /// <summary>The demo signer's PKCS#12 file in this host's folder.</summary>
    public string DemoPkcs12 => Path.Combine(Config.Directory, "certs", "demo.p12");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Bsre.DisposeAsync();
    }
}
