using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Ltv;
using Worker.Pdf.Pades;
using Worker.Pdf.Revocation;
using Worker.Pdf.Timestamps;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Pdf.Timestamps;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>
/// Signed files made with a real openssl OCSP responder, a CRL on loopback and two RFC 3161 servers on loopback (one whose
/// certificate lives a year, for signature timestamps, and one living 30 years, for document timestamps); afterwards
/// every service is stopped and its ports watched, so the offline checks show they touched no network.
/// </summary>
public sealed class OfflineLtvFiles : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly List<ConnectionTripwire> _tripwires = [];

    /// <summary>B-LTA: signature timestamp from the short-lived TSA, DSS, document timestamp from the long-lived one.</summary>
    public string Lta => _temp.File("lta.pdf");

    /// <summary>B-LTA whose only document timestamp comes from the short-lived TSA.</summary>
    public string LtaShortLived => _temp.File("lta-short.pdf");

    /// <summary><see cref="LtaShortLived"/> renewed like the archive job does: a DSS for its timestamp, then one from the long-lived TSA.</summary>
    public string Renewed => _temp.File("renewed.pdf");

    /// <summary>B-T: a signature timestamp and no DSS.</summary>
    public string BtOnly => _temp.File("bt.pdf");

    /// <summary>B-LTA of a signer whose certificate was revoked two hours before it signed.</summary>
    public string RevokedLta => _temp.File("revoked-lta.pdf");

    /// <summary>The demo CA and both TSAs' roots, in one PEM file.</summary>
    public string TrustPem => _temp.File("trust.pem");

    /// <summary>When the signer's certificate and the short-lived TSA's certificate expire (the later of the two).</summary>
    public DateTimeOffset ShortLivedExpiry { get; private set; }

    /// <summary>When the long-lived TSA's certificate expires.</summary>
    public DateTimeOffset LongLivedExpiry { get; private set; }

    /// <summary>Connections made to the stopped OCSP responder, CRL server and TSAs since they stopped.</summary>
    public int ConnectionsSinceStopped => _tripwires.Sum(t => t.Connections);

    /// <summary>A folder for a test's own files.</summary>
    public string Folder => _temp.Path;

    public async Task InitializeAsync()
    {
        var pki = new RevocationPki();
        var shortTsa = await TestTimestampServer.StartAsync();
        var longTsa = await TestTimestampServer.StartAsync(lifetime: TimeSpan.FromDays(365 * 30));
        var ports = new[] { pki.OcspUrl, pki.CrlUrl, shortTsa.Url.ToString(), longTsa.Url.ToString() }.Select(u => new Uri(u).Port).ToList();
        try
        {
            File.WriteAllText(TrustPem, File.ReadAllText(pki.CaPem) + shortTsa.Certificates.Ca.ExportCertificatePem() + "\n"
                                        + longTsa.Certificates.Ca.ExportCertificatePem() + "\n");
            var trust = new X509Certificate2Collection();
            trust.ImportFromPemFile(TrustPem);
            using var http = new HttpClient();
            var collector = new LtvCollector(trust, new OnlineRevocationChecker(http, TimeSpan.FromSeconds(10)));
            var shortStamper = new HttpTimeStamper(http, shortTsa.Url, TimeSpan.FromSeconds(30));
            var longStamper = new HttpTimeStamper(http, longTsa.Url, TimeSpan.FromSeconds(30));

            await SignAsync(pki.OcspGood, BtOnly, shortStamper, trust);
            await AugmentAsync(BtOnly, Lta, collector, longStamper, expectLta: true);
            await AugmentAsync(BtOnly, LtaShortLived, collector, shortStamper, expectLta: true);
            await AugmentAsync(LtaShortLived, Renewed, collector, longStamper, expectLta: true);
            await SignAsync(pki.OcspRevoked, _temp.File("revoked.pdf"), shortStamper, trust);
            await AugmentAsync(_temp.File("revoked.pdf"), RevokedLta, collector, longStamper, expectLta: false);

            using var signer = X509CertificateLoader.LoadCertificateFromFile(pki.OcspGood.CertificatePem);
            ShortLivedExpiry = new[] { signer.NotAfter, shortTsa.Certificates.Tsa.NotAfter }.Max().ToUniversalTime();
            LongLivedExpiry = longTsa.Certificates.Tsa.NotAfter.ToUniversalTime();
        }
        finally
        {
            pki.Dispose();
            await shortTsa.DisposeAsync();
            await longTsa.DisposeAsync();
        }
        foreach (var port in ports) _tripwires.Add(await ConnectionTripwire.OnAsync(port));
    }

    private static async Task SignAsync(RevocationPki.Signer signer, string output, HttpTimeStamper tsa, X509Certificate2Collection trust)
    {
        using var key = signer.Files.Open();
        await PdfSigner.SignAsync(new PdfSignRequest
        {
            InputPath = RepoPaths.CorpusFile("pdflatex-outline.pdf"), OutputPath = output, Signer = key, TrustAnchors = trust,
            TimeStamper = tsa,
        });
    }

    private static async Task AugmentAsync(string input, string output, LtvCollector collector, HttpTimeStamper tsa, bool expectLta)
    {
        var result = await LtvAugmenter.AugmentAsync(input, output, LtvLevel.LTA, collector, tsa, CancellationToken.None);
        // A revoked signer's file gets its DSS and timestamp too, but does not count as B-LTA.
        Assert.True((result.Reached == LtvLevel.LTA) == expectLta, string.Join("; ", result.Problems));
    }

    public Task DisposeAsync()
    {
        foreach (var tripwire in _tripwires) tripwire.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
