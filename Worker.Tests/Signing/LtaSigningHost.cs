using System.Text.Json.Nodes;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>A signing host with an RFC 3161 server on loopback, so routes default to B-LTA at filing.</summary>
public class LtaSigningHost : SigningHost
{
    // Started before the host is configured, since Configure is synchronous; it ends with the test process.
    internal TestTimestampServer Tsa { get; } = TestTimestampServer.StartAsync().GetAwaiter().GetResult();

    /// <summary>The TSA's root as a PEM file in this host's folder.</summary>
    public string TsaCaPem => Path.Combine(Config.Directory, "tsa-ca.pem");

    protected override void Configure(TestConfig config)
    {
        base.Configure(config);
        var caPem = Path.Combine(config.Directory, "tsa-ca.pem");
        Tsa.Certificates.WriteCaPem(caPem);
        // Everything is due for renewal, so a test can run the archive job right after filing.
        config.Worker["Timestamp"] = new JsonObject { ["Url"] = Tsa.Url.ToString(), ["RenewBefore"] = "36500.00:00:00" };
        config.Worker["Verification"] = new JsonObject { ["TrustAnchors"] = new JsonArray(DemoPki.Instance.CaPem, caPem) };
    }
}
