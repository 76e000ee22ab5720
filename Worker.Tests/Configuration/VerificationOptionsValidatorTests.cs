using Microsoft.Extensions.Configuration;
using Worker.Configuration;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Configuration;

public class VerificationOptionsValidatorTests
{
    [Fact]
    public void Check_NamesTheKey_WhenATrustAnchorFileIsMissingOrHoldsNoCertificate()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("not-a-cert.pem"), "hello");
        var options = new VerificationOptions { TrustAnchors = [temp.File("missing.pem"), temp.File("not-a-cert.pem"), DemoPki.Instance.CaPem] };
        var errors = new List<string>();

        VerificationOptionsValidator.Check(errors, options);

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Worker:Verification:TrustAnchors:0: file ", errors[0]);
        Assert.StartsWith("Worker:Verification:TrustAnchors:1: file ", errors[1]);
        Assert.Contains("holds no PEM certificate", errors[1]);
    }

    [Fact]
    public void Check_RefusesTheTimeout_WhenItIsZero()
    {
        var errors = new List<string>();

        VerificationOptionsValidator.Check(errors, new VerificationOptions { RevocationTimeout = TimeSpan.Zero });

        Assert.Contains(errors, e => e.StartsWith("Worker:Verification:RevocationTimeout:", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NamesEachRetryKey_WhenTheAttemptsOrADelayAreOutOfRange()
    {
        var errors = new List<string>();

        VerificationOptionsValidator.Check(errors, new VerificationOptions
        {
            RevocationAttempts = 11, RevocationRetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.Zero, TimeSpan.FromMinutes(6)],
        });

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("Worker:Verification:RevocationAttempts: 11 must be from 0 to 10", errors[0]);
        Assert.StartsWith("Worker:Verification:RevocationRetryDelays:1: ", errors[1]);
        Assert.StartsWith("Worker:Verification:RevocationRetryDelays:2: ", errors[2]);
        Assert.All(errors, e => Assert.DoesNotContain('\n', e));
    }

    [Fact]
    public void RetryDelays_AreTheConfiguredOnes_NotAddedToTheDefaults_AndTheLastRepeats()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RevocationAttempts"] = "4", ["RevocationRetryDelays:0"] = "00:00:01", ["RevocationRetryDelays:1"] = "00:00:05",
        }).Build().Get<VerificationOptions>()!;

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], configured.RetryDelays());
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(30)], new VerificationOptions().RetryDelays());
        Assert.Empty(new VerificationOptions { RevocationAttempts = 0 }.RetryDelays());
    }
}
