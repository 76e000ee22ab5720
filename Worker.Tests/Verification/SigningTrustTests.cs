using System.Text.Json.Nodes;
using Worker.Pdf.Keys;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Verification;

/// <summary>The worker's own check of each signed output uses Worker:Verification:TrustAnchors, not "anything intact".</summary>
public sealed class SigningTrustTests(SigningTrustTests.ForeignAnchorHost host) : IClassFixture<SigningTrustTests.ForeignAnchorHost>
{
    /// <summary>The signer is the demo CA's; the only configured anchor is an unrelated root.</summary>
    public sealed class ForeignAnchorHost : ApprovalHost
    {
        protected override void Configure(TestConfig config)
        {
            var pki = DemoPki.Instance;
            config.Worker["Signers"]!["demo"] = new JsonObject
            {
                ["Pkcs12"] = pki.Rsa.Pkcs12, ["PasswordFile"] = pki.Rsa.PasswordFile, ["Name"] = "Demo Signer", ["Position"] = "Kepala Dinas",
            };
            var root = Path.Combine(config.Directory, "certs", "other-root.pem");
            using (var other = TestPki.SelfSigned(TestCertificate.Authority(TestPki.DemoName("Some Other Root")))) DemoCertificates.WritePem(other, root);
            config.Worker["Verification"] = new JsonObject { ["TrustAnchors"] = new JsonArray(root) };
            config.Worker["Signing"] = new JsonObject { ["Retries"] = 0, ["RetryDelay"] = "00:00:01" };
        }
    }

    [Fact]
    public async Task SignAndFile_Fails_WhenTheSignerDoesNotChainToTheConfiguredAnchors()
    {
        var (id, _, token) = await host.SubmitAndReadLinkAsync();
        using var client = host.Client();
        var (status, body) = await client.PostAsync(token, "approve", confirm: true);
        Assert.True(status == System.Net.HttpStatusCode.OK, body);

        await Eventually.Async(() => host.StateAsync(id), s => s == "Failed", TimeSpan.FromSeconds(60), "document Failed");
        var error = await host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{id}'");
        Assert.Contains(VerdictWords.IntactUntrusted, error);
        Assert.Equal(0L, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.documents WHERE id = '{id}' AND signed_path IS NOT NULL"));
    }
}
