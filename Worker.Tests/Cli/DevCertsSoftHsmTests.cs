using System.Text.Json.Nodes;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>
/// <c>dev-certs DIR --softhsm</c> makes a SoftHSM2 token under DIR that <c>signers check</c> finds able to sign. Both run as
/// processes of their own: a PKCS#11 module reads SOFTHSM2_CONF once per process.
/// </summary>
public sealed class DevCertsSoftHsmTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task DevCertsSoftHsm_MakesATokenThatSignersCheckFindsReady_AndKeepsItTheSecondTime()
    {
        using var temp = new TempDirectory();
        var dir = temp.File("certs");
        var first = await RunAsync([], "dev-certs", dir, "--softhsm");
        Assert.Contains("token 'tte-demo'", first);
        var conf = Path.Combine(dir, "softhsm", "softhsm2.conf");
        Assert.Contains($"SOFTHSM2_CONF={conf}", first);
        Assert.Contains("kept", await RunAsync([], "dev-certs", dir, "--softhsm"));

        var config = temp.File("hsm.json");
        File.WriteAllText(config, new JsonObject
        {
            ["Worker"] = new JsonObject
            {
                ["Signers"] = new JsonObject
                {
                    ["hsm"] = new JsonObject
                    {
                        ["Kind"] = "Pkcs11", ["Name"] = "Demo Signer", ["Position"] = "Kepala Dinas",
                        ["Pkcs11"] = new JsonObject
                        {
                            ["Library"] = "/usr/lib/softhsm/libsofthsm2.so", ["TokenLabel"] = "tte-demo", ["KeyLabel"] = "demo-signer",
                            ["PinFile"] = Path.Combine(dir, "softhsm", "user.pin"),
                        },
                    },
                },
            },
        }.ToJsonString());
        var check = await RunAsync(new Dictionary<string, string> { ["SOFTHSM2_CONF"] = conf }, "signers", "check", "hsm", "--config", config);
        Assert.Contains("hsm (Pkcs11): siap / ready (test signature verified", check);

        // The attack: the same check with a wrong PIN is one line naming the signer, and exit 1.
        File.WriteAllText(Path.Combine(dir, "softhsm", "user.pin"), "000000\n");
        using var wrong = WorkerProcess.Start(new Dictionary<string, string> { ["SOFTHSM2_CONF"] = conf }, "signers", "check", "hsm", "--config", config);
        Assert.Equal(1, await wrong.WaitForExitAsync(Patience));
        Assert.Contains("hsm (Pkcs11): signer 'hsm': the token refused the PIN in Pkcs11:PinFile (CKR_PIN_INCORRECT)", wrong.Output);
    }

    private static async Task<string> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        using var process = WorkerProcess.Start(environment, args);
        var code = await process.WaitForExitAsync(Patience);
        Assert.True(code == 0, $"{string.Join(' ', args)} exited {code}: {process.Output}");
        return process.Output;
    }
}
