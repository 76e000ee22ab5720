using System.Text.Json.Nodes;
using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Pkcs11;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary><c>sign --signer NAME</c> with a Kind Pkcs11 signer: the key comes from the token through the worker's key provider.</summary>
[Collection(SoftHsmCollection.Name)]
public sealed class SignCommandPkcs11Tests
{
    [Fact]
    public async Task Sign_SignsWithTheTokenKey_WhenTheSignerIsPkcs11_AndRefusesInOneLine_WhenTheKeyIsMissing()
    {
        var token = SoftHsm.Instance.Create(DemoPki.Instance.EcP256);
        using var temp = new TempDirectory();
        var config = temp.File("signers.json");
        void Write(string keyLabel) => File.WriteAllText(config, new JsonObject
        {
            ["Worker"] = new JsonObject
            {
                ["Signers"] = new JsonObject
                {
                    ["hsm"] = new JsonObject
                    {
                        ["Kind"] = "Pkcs11", ["Name"] = "Kepala Dinas",
                        ["Pkcs11"] = new JsonObject { ["Library"] = SoftHsm.Library, ["TokenLabel"] = token.Label, ["KeyLabel"] = keyLabel, ["PinFile"] = token.PinFile },
                    },
                },
            },
        }.ToJsonString());
        Write(token.KeyLabel);
        var output = temp.File("signed.pdf");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(ExitCode.Done, await CommandLine.RunAsync(
            ["sign", RepoPaths.CorpusFile("minimal-document.pdf"), "-o", output, "--signer", "hsm", "--config", config], stdout, stderr));
        SignedPdf.AssertPdfSigValid(output, 1);
        Assert.Contains("Test Signer P-256", SignedPdf.PdfSig(output));

        Write("no-such-key");
        (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(ExitCode.Usage, await CommandLine.RunAsync(
            ["sign", RepoPaths.CorpusFile("minimal-document.pdf"), "-o", temp.File("other.pdf"), "--signer", "hsm", "--config", config], stdout, stderr));
        Assert.Equal($"--signer hsm: signer 'hsm': no private key labelled 'no-such-key' on token '{token.Label}'", stderr.ToString().Trim());
    }
}
