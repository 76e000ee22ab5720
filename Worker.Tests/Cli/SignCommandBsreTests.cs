using System.Text.Json.Nodes;
using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>
/// <c>sign --signer NAME</c> with a BSrE signer, against the test BSrE service (pdfsig signs, not our engine): the
/// passphrase comes on standard input, the output goes through the signing port's checks, and the secret is printed nowhere.
/// </summary>
public sealed class SignCommandBsreTests(BsrePortFixture fixture) : IClassFixture<BsrePortFixture>
{
    private string Config(string? nik = null)
    {
        var bsre = fixture.Options.Signers["kadis"].Bsre;
        var path = fixture.Work.File($"signers-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, new JsonObject
        {
            ["Worker"] = new JsonObject
            {
                ["Verification"] = new JsonObject { ["TrustAnchors"] = new JsonArray(BsreTestPki.Instance.CaPem) },
                ["Signers"] = new JsonObject
                {
                    ["kadis-bsre"] = new JsonObject
                    {
                        ["Kind"] = "Bsre", ["Name"] = "Dr. Ahmad Official", ["Position"] = "Kepala Dinas", ["Nik"] = nik ?? BsreTestPki.Official.Nik,
                        ["Bsre"] = new JsonObject
                        {
                            ["Url"] = bsre.Url, ["UserFile"] = bsre.UserFile, ["PasswordFile"] = bsre.PasswordFile, ["Timeout"] = bsre.Timeout.ToString(),
                        },
                    },
                    ["kadis-local"] = new JsonObject
                    {
                        ["Pkcs12"] = DemoPki.Instance.Rsa.Pkcs12, ["PasswordFile"] = DemoPki.Instance.Rsa.PasswordFile, ["Name"] = "Demo",
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

    private static async Task<(int Code, string Stdout, string Stderr)> SignAsync(string stdin, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await SignCommand.RunAsync(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Sign_SignsThroughBsre_WithThePassphrasePipedOnStdin_AndPrintsItNowhere()
    {
        fixture.Service.Mode = BsreTestMode.Normal;
        var input = Original();
        var output = fixture.Work.File($"out-{Guid.NewGuid():N}.pdf");
        var calls = fixture.Service.Signed;

        var (code, stdout, stderr) = await SignAsync(fixture.Service.Passphrase + "\n", input, "-o", output, "--signer", "kadis-bsre", "--config", Config());

        Assert.Equal(ExitCode.Done, code);
        Assert.Equal(calls + 1, fixture.Service.Signed);
        Assert.Contains($"{input}: signed -> {output}", stdout);
        Assert.Contains("Dr. Ahmad Official", stdout);
        Assert.Equal("", stderr);
        Assert.DoesNotContain(fixture.Service.Passphrase, stdout + stderr);
        var original = await File.ReadAllBytesAsync(input);
        var signed = await File.ReadAllBytesAsync(output);
        Assert.True(signed.Length > original.Length && signed.AsSpan(0, original.Length).SequenceEqual(original), "the output must start with the input's bytes");
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, output);
        Assert.Contains("Signature is Valid", pdfsig.Stdout);
        Assert.Contains("Certificate is Trusted", pdfsig.Stdout);
        Assert.Contains(BsreTestPki.Official.Nik, pdfsig.Stdout);
        // No document, so no /verify/{id} for a QR code: the command line asks BSrE for an invisible signature.
        Assert.Equal("INVISIBLE", fixture.Service.LastProperties![0]!["tampilan"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sign_SaysOneLineAndWritesNothing_WhenThePassphraseIsWrong()
    {
        fixture.Service.Mode = BsreTestMode.Normal;
        var output = fixture.Work.File($"out-{Guid.NewGuid():N}.pdf");
        const string wrong = "salah-ketik-12345";

        var (code, stdout, stderr) = await SignAsync(wrong + "\n", Original(), "-o", output, "--signer", "kadis-bsre", "--config", Config());

        Assert.Equal(ExitCode.Unexpected, code);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("Passphrase TTE salah / wrong signing passphrase", line);
        Assert.Equal("", stdout);
        Assert.DoesNotContain(wrong, stdout + stderr);
        Assert.DoesNotContain(fixture.Service.Passphrase, stdout + stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Sign_RefusesTheOutput_WhenTheServiceSignsWithAnotherOfficialsCertificate_OrRewritesTheFile()
    {
        foreach (var (mode, reason) in new[]
                 {
                     (BsreTestMode.OtherCertificate, $"does not carry NIK {BsreTestPki.Official.Nik}"),
                     (BsreTestMode.Rewritten, "does not start with exactly the approved bytes"),
                 })
        {
            fixture.Service.Mode = mode;
            try
            {
                var output = fixture.Work.File($"out-{Guid.NewGuid():N}.pdf");
                var (code, stdout, stderr) = await SignAsync(fixture.Service.Passphrase + "\n", Original(), "-o", output, "--signer", "kadis-bsre", "--config", Config());

                Assert.Equal(ExitCode.Unexpected, code);
                var line = Assert.Single(stderr.Trim().Split('\n'));
                Assert.Contains("signed output refused", line);
                Assert.Contains(reason, line);
                Assert.DoesNotContain(fixture.Service.Passphrase, stdout + stderr);
                Assert.False(File.Exists(output), $"{mode}: a refused output must not be left behind");
            }
            finally { fixture.Service.Mode = BsreTestMode.Normal; }
        }
    }

    [Fact]
    public async Task Sign_ExitsUsage_WhenNoPassphraseComesOnStdin_OrABsreSignatureIsAskedToBeVisible()
    {
        var output = fixture.Work.File($"out-{Guid.NewGuid():N}.pdf");
        var calls = fixture.Service.Signed;

        await Assert.ThrowsAsync<UsageException>(() => SignAsync("", Original(), "-o", output, "--signer", "kadis-bsre", "--config", Config()));
        var visible = await Assert.ThrowsAsync<UsageException>(() =>
            SignAsync(fixture.Service.Passphrase + "\n", Original(), "-o", output, "--visible", "--signer", "kadis-bsre", "--config", Config()));

        Assert.Contains("invisible", visible.Message);
        Assert.Equal(calls, fixture.Service.Signed);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Sign_RefusesALocalKeysOutput_WhenItsCertificateDoesNotChainToTheConfiguredAnchors()
    {
        // The configuration trusts only the BSrE test CA; the demo key's signature is intact but untrusted, so the port refuses it.
        var output = fixture.Work.File($"out-{Guid.NewGuid():N}.pdf");

        var (code, _, stderr) = await SignAsync("", Original(), "-o", output, "--signer", "kadis-local", "--config", Config());

        Assert.Equal(ExitCode.Unexpected, code);
        Assert.Contains("install the signer's CA under Worker:Verification:TrustAnchors", Assert.Single(stderr.Trim().Split('\n')));
        Assert.False(File.Exists(output));
    }
}
