using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Worker.Tests.Signing;
using Worker.Tests.Support;

namespace Worker.Tests.Metrics;

/// <summary>/metrics after one document went the whole way: dropped, mailed, approved, signed and filed.</summary>
public sealed class MetricsTests(SigningHost host) : IClassFixture<SigningHost>
{
    [Fact]
    public async Task Metrics_ShowEmailsLatenciesAndSigning_ByRoute_AfterADocumentIsFiled()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        var mail = await host.Smtp.WaitForAsync(SigningHost.Approver, title, timeout: TimeSpan.FromSeconds(60));
        using (var client = host.Client())
        {
            var (status, body) = await client.PostAsync(ApprovalClient.TokenFrom(mail[^1]), "approve", confirm: true);
            Assert.True(status == HttpStatusCode.OK, body);
        }
        await host.WaitForStateAsync(id, "Filed");
        await host.Smtp.WaitForAsync("tu@example.go.id", $"Document signed: {title}");

        // Loopback may scrape without a login, as Prometheus on the same machine does.
        var metrics = await Eventually.Async(
            () => host.Worker.Http.GetStringAsync("/metrics"),
            text => Value(text, "worker_emails_sent_total", "kind=\"Filed\"") > 0, what: "the Filed notice counted");

        Assert.True(Value(metrics, "worker_emails_sent_total", "kind=\"Invite\"") >= 1, metrics);
        Assert.True(Value(metrics, "worker_intake_to_email_seconds_count") >= 1, metrics);
        Assert.True(Value(metrics, "worker_approval_wait_seconds_count", "decision=\"approve\"") >= 1, metrics);
        Assert.True(Value(metrics, "worker_signing_duration_seconds_count") >= 1, metrics);
        Assert.True(Value(metrics, "worker_documents", "state=\"Filed\"") >= 1, metrics);
        Assert.Equal(0, Value(metrics, "worker_emails_failed_total"));
    }

    /// <summary>The sum of a series' samples on route surat-keluar that carry <paramref name="label"/>; 0 when there are none.</summary>
    private static double Value(string exposition, string name, string label = "") =>
        Regex.Matches(exposition, $@"^{name}\{{(?<labels>[^}}]*)\}} (?<value>\S+)$", RegexOptions.Multiline)
            .Where(m => m.Groups["labels"].Value.Contains("route=\"surat-keluar\"") && m.Groups["labels"].Value.Contains(label))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
}
