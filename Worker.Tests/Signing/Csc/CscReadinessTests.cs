namespace Worker.Tests.Signing.Csc;

/// <summary>The CSC signer check: the service answers and describes a credential whose certificate is the configured official's, without signing.</summary>
public sealed class CscReadinessTests(CscPortFixture fixture) : IClassFixture<CscPortFixture>
{
    [Fact]
    public async Task CheckAsync_SaysReady_WithoutSigning_WhenTheCredentialIsTheConfiguredOfficials()
    {
        var before = fixture.Service.Signed;
        var (ready, line) = await fixture.Readiness.CheckAsync(fixture.Options.Signers["kadis-csc"], CancellationToken.None);
        Assert.True(ready, line);
        Assert.StartsWith("siap / ready: service answers, credential official-rsa valid until", line);
        Assert.Equal(before, fixture.Service.Signed);
    }

    [Fact]
    public async Task CheckAsync_SaysNotReady_WhenTheServiceDescribesAnotherOfficialsCertificate()
    {
        fixture.Service.Mode = CscTestMode.OtherCredential;
        try
        {
            var (ready, line) = await fixture.Readiness.CheckAsync(fixture.Options.Signers["kadis-csc"], CancellationToken.None);
            Assert.False(ready);
            Assert.StartsWith("kredensial CSC bukan milik pejabat yang dikonfigurasi", line);
        }
        finally { fixture.Service.Mode = CscTestMode.Normal; }
    }
}
