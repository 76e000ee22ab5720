using Worker.Signing;
using Worker.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>The v2 client against the test service: every error of the contract becomes its failure and a plain message without the secret.</summary>
public sealed class BsreClientTests(BsrePortFixture fixture) : IClassFixture<BsrePortFixture>
{
    private static readonly BsreIdentity Official = new() { Nik = BsreTestPki.Official.Nik, Email = "" };
    private static readonly BsreSignature Properties = new() { Reason = "Setuju", Location = "Mamuju", ContactInfo = "a@example.go.id" };

    private async Task<BsreException> FailAsync(BsreIdentity who, string passphrase, IBsreClient? client = null)
    {
        var pdf = TestPdfs.Corpus("minimal-document.pdf");
        return await Assert.ThrowsAsync<BsreException>(() => (client ?? fixture.Client()).SignPdfAsync(who, new PersonalSecret(passphrase), [pdf], [Properties], CancellationToken.None));
    }

    [Fact]
    public async Task SignPdfAsync_ReturnsTheSignedFileAndSendsTampilan_WhenThePassphraseIsRight()
    {
        fixture.Service.Mode = BsreTestMode.Normal;
        var pdf = TestPdfs.Corpus("minimal-document.pdf");
        var signed = await fixture.Client().SignPdfAsync(Official, new PersonalSecret(fixture.Service.Passphrase), [pdf], [Properties], CancellationToken.None);
        Assert.True(signed[0].AsSpan(0, pdf.Length).SequenceEqual(pdf));
        Assert.Equal("INVISIBLE", fixture.Service.LastProperties![0]!["tampilan"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignPdfAsync_SaysWrongPassphrase_AndNeverRepeatsIt_WhenThePassphraseIsWrong()
    {
        fixture.Service.Mode = BsreTestMode.Normal;
        var e = await FailAsync(Official, "salah-sekali-987");
        Assert.Equal(BsreFailure.WrongPassphrase, e.Failure);
        Assert.StartsWith("Passphrase TTE salah", e.Message);
        Assert.DoesNotContain("salah-sekali-987", e.ToString());
    }

    [Fact]
    public async Task SignPdfAsync_MapsTheServiceErrors_ToTheirFailures()
    {
        fixture.Service.Mode = BsreTestMode.Normal;
        var right = fixture.Service.Passphrase;
        Assert.Equal(BsreFailure.NotRegistered, (await FailAsync(Official with { Nik = "7601012301809999" }, right)).Failure);
        Assert.Equal(BsreFailure.NoCertificate, (await FailAsync(Official with { Nik = TestBsreService.NikWithoutCertificate }, right)).Failure);
        var rejected = await FailAsync(Official, right, fixture.Client(password: "not-the-password"));
        Assert.Equal(BsreFailure.ClientRejected, rejected.Failure);
        Assert.Contains("HTTP 401", rejected.Message);
    }

    [Theory]
    [InlineData(BsreTestMode.Down)]
    [InlineData(BsreTestMode.Fault)]
    [InlineData(BsreTestMode.Slow)]
    public async Task SignPdfAsync_SaysUnavailable_WhenTheServiceIsDownFaultyOrSlow(BsreTestMode mode)
    {
        fixture.Service.Mode = mode;
        try
        {
            // A client that waits 3 s: the slow service answers after minutes.
            var e = await FailAsync(Official, fixture.Service.Passphrase, fixture.Client(timeout: TimeSpan.FromSeconds(3)));
            Assert.Equal(BsreFailure.Unavailable, e.Failure);
            Assert.StartsWith("Layanan tanda tangan BSrE tidak tersedia", e.Message);
        }
        finally
        {
            fixture.Service.Mode = BsreTestMode.Normal;
        }
    }

    [Fact]
    public async Task SignPdfAsync_SaysUnavailable_WhenNothingListens()
    {
        var profile = fixture.Options.Signers["kadis"].Bsre;
        var closed = new Worker.Configuration.BsreOptions { Url = "http://127.0.0.1:9", UserFile = profile.UserFile, PasswordFile = profile.PasswordFile, Timeout = profile.Timeout };
        var e = await FailAsync(Official, "x", new BsreClient(new BsreHttp(new HttpClient(), closed, 1_000_000)));
        Assert.Equal(BsreFailure.Unavailable, e.Failure);
    }

    [Fact]
    public async Task CheckStatusAsync_ReportsIssueOnlyForAnOfficialWithACertificate()
    {
        fixture.Service.Mode = BsreTestMode.Normal;
        Assert.True((await fixture.Client().CheckStatusAsync(Official, CancellationToken.None)).CanSign);
        var none = await fixture.Client().CheckStatusAsync(Official with { Nik = TestBsreService.NikWithoutCertificate }, CancellationToken.None);
        Assert.Equal("NO_CERTIFICATE", none.Status);
        Assert.False(none.CanSign);
    }
}
