using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Notifications;
using Worker.Signing;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

public sealed class CertificateExpiryCheckTests : IDisposable
{
    // The test signer's certificate is valid for one year from today.
    private readonly TestConfig config = new("Host=127.0.0.1;Database=unused;Username=unused");

    public void Dispose() => config.Dispose();

    private (CertificateExpiryCheck Check, string Outbox) At(DateTimeOffset now)
    {
        config.Worker["Mail"]!["Operators"] = new System.Text.Json.Nodes.JsonArray("ops@example.go.id");
        var options = Worker.Configuration.WorkerConfiguration.Load(Worker.Configuration.WorkerConfiguration.Build(config.Write()));
        var clock = new FakeClock(now);
        var profiles = new SignerProfiles(options.Signers);
        var mail = Options.Create(options.Mail);
        var check = new CertificateExpiryCheck(new Worker.Signing.Keys.SignerKeys(profiles, clock), profiles, Options.Create(options.Signing), mail,
            new PickupMailSender(mail, clock), new MailComposer(mail, clock), clock, NullLogger<CertificateExpiryCheck>.Instance);
        return (check, options.Mail.PickupDirectory);
    }

    [Fact]
    public async Task RunAsync_WarnsNothing_WhenTheCertificateHasMonthsLeft()
    {
        var (check, outbox) = At(DateTimeOffset.UtcNow);
        Assert.Empty(await check.RunAsync(default));
        Assert.Empty(Directory.GetFiles(outbox, "*.eml"));
    }

    [Fact]
    public async Task RunAsync_WarnsOperatorsByEmail_WhenTheCertificateExpiresWithinThirtyDays()
    {
        var (check, outbox) = At(DateTimeOffset.UtcNow.AddDays(350));
        var warning = Assert.Single(await check.RunAsync(default));
        Assert.Contains("signer 'demo'", warning);
        Assert.Contains("expires on", warning);
        var mail = File.ReadAllText(Assert.Single(Directory.GetFiles(outbox, "*.eml")));
        Assert.Contains("ops@example.go.id", mail);
        Assert.Contains("Certificate expiring", mail);
    }

    [Fact]
    public async Task RunAsync_SaysExpired_WhenTheCertificateHasExpired()
    {
        var (check, _) = At(DateTimeOffset.UtcNow.AddDays(400));
        Assert.Contains("EXPIRED", Assert.Single(await check.RunAsync(default)));
    }
}
