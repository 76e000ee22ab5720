using System.Text.Json.Nodes;
using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Signing.Csc;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary><c>sign --signer NAME</c> with a CSC credential at the test CSC service: the PIN comes on standard input, the output goes through the port.</summary>
public sealed class SignCommandCscTests(CscPortFixture fixture) : IClassFixture<CscPortFixture>
{
    private string Config()
    {
        var profile = fixture.Options.Signers["kadis-csc"];
        var path = fixture.Work.File($"signers-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, new JsonObject
        {
            ["Worker"] = new JsonObject
            {
                ["Verification"] = new JsonObject { ["TrustAnchors"] = new JsonArray(BsreTestPki.Instance.CaPem) },
                ["Signers"] = new JsonObject
                {
                    ["kadis-csc"] = new JsonObject
                    {
                        ["Kind"] = "Csc", ["Name"] = "Dr. Ahmad Official", ["Position"] = "Kepala Dinas", ["Nik"] = profile.Nik,
                        ["CredentialId"] = profile.CredentialId, ["Secret"] = "Pin",
                        ["Csc"] = new JsonObject
                        {
                            ["Url"] = profile.Csc.Url, ["ClientIdFile"] = profile.Csc.ClientIdFile, ["ClientSecretFile"] = profile.Csc.ClientSecretFile,
                            ["Timeout"] = profile.Csc.Timeout.ToString(),
                        },
                    },
                },
            },
        }.ToJsonString());
        return path;
    }

    private string Original()
    {
        var path = fixture.Work.File($"in-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, TestPdfs.Unique("minimal-document.pdf"));
        return path;
    }

    [Fact]
    public async Task Sign_SignsWithTheCscCredential_WithThePinPipedOnStdin_AndSaysOneLineWhenThePinIsWrong()
    {
        var input = Original();
        var output = fixture.Work.File($"out-{Guid.NewGuid():N}.pdf");
        var pin = fixture.Service.Official.Pin;
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var code = await SignCommand.RunAsync([input, "-o", output, "--visible", "--signer", "kadis-csc", "--config", Config()],
            new StringReader(pin + "\n"), stdout, stderr);

        Assert.Equal(ExitCode.Done, code);
        Assert.Equal("", stderr.ToString());
        Assert.True(File.ReadAllBytes(output).AsSpan().StartsWith(File.ReadAllBytes(input)), "the output must start with the input's bytes");
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, output);
        Assert.Contains("Signature is Valid", pdfsig.Stdout);
        Assert.Contains("Certificate is Trusted", pdfsig.Stdout);
        Assert.Contains($"serialNumber={BsreTestPki.Official.Nik}", pdfsig.Stdout);

        var refused = fixture.Work.File($"out-{Guid.NewGuid():N}.pdf");
        (stdout, stderr) = (new StringWriter(), new StringWriter());
        code = await SignCommand.RunAsync([Original(), "-o", refused, "--signer", "kadis-csc", "--config", Config()],
            new StringReader("000000-wrong\n"), stdout, stderr);

        Assert.Equal(ExitCode.Unexpected, code);
        Assert.Single(stderr.ToString().Trim().Split('\n'));
        Assert.DoesNotContain("000000-wrong", stdout.ToString() + stderr);
        Assert.DoesNotContain(pin, stdout.ToString() + stderr);
        Assert.False(File.Exists(refused));
    }
}
