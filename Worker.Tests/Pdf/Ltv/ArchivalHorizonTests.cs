using Worker.Pdf.Ltv;
using Worker.Pdf.Pades;
using Worker.Pdf.Revocation;
using Worker.Pdf.Timestamps;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Ltv;

/// <summary>The renewal's horizon: the newest document timestamp's TSA certificate expiry, or earlier when its hash turns weak.</summary>
public sealed class ArchivalHorizonTests
{
    [Fact]
    public async Task NewestTimestampExpiry_IsTheTsaExpiry_OrTheDateItsHashTurnsWeak_WhicheverComesFirst()
    {
        using var temp = new TempDirectory();
        await using var tsa = await TestTimestampServer.StartAsync();
        using (var key = DemoPki.Instance.Rsa.Open())
            await PdfSigner.SignAsync(new PdfSignRequest { InputPath = RepoPaths.CorpusFile("habibi.pdf"), OutputPath = temp.File("signed.pdf"), Signer = key });
        using var http = new HttpClient();
        await LtvAugmenter.AugmentAsync(temp.File("signed.pdf"), temp.File("lta.pdf"), LtvLevel.LTA,
            new LtvCollector(DemoPki.Instance.Trust, new OnlineRevocationChecker(http, TimeSpan.FromSeconds(10))),
            new HttpTimeStamper(http, tsa.Url, TimeSpan.FromSeconds(30)), CancellationToken.None);
        var tsaExpiry = new DateTimeOffset(tsa.Certificates.Tsa.NotAfter.ToUniversalTime());
        var sha256Weak = DateTimeOffset.UtcNow.AddDays(30);

        var plain = ArchivalHorizon.NewestTimestampExpiry(temp.File("lta.pdf"));
        var weakSha256 = ArchivalHorizon.NewestTimestampExpiry(temp.File("lta.pdf"), new Dictionary<string, DateTimeOffset> { ["SHA-256"] = sha256Weak });
        var weakSha1 = ArchivalHorizon.NewestTimestampExpiry(temp.File("lta.pdf"), new Dictionary<string, DateTimeOffset> { ["SHA1"] = sha256Weak });

        Assert.True(plain is { } p && Math.Abs((p - tsaExpiry).TotalSeconds) < 1, $"{plain} vs {tsaExpiry}");
        Assert.Equal(sha256Weak, weakSha256);
        Assert.Equal(plain, weakSha1);
        Assert.Null(ArchivalHorizon.NewestTimestampExpiry(temp.File("signed.pdf")));
    }
}
