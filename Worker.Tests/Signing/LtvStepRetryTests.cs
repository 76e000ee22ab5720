using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Configuration;
using Worker.Pdf.Ltv;
using Worker.Pdf.Pades;
using Worker.Pdf.Revocation;
using Worker.Pdf.Verification;
using Worker.Persistence;
using Worker.Signing;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>
/// At filing, an OCSP responder or CRL server that did not answer is asked again after growing delays
/// (<c>Worker:Verification:RevocationAttempts</c>, <c>RevocationRetryDelays</c>), then the letter is filed at the level reached.
/// </summary>
public sealed class LtvStepRetryTests(RevocationPki pki) : IClassFixture<RevocationPki>, IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private NpgsqlDataSource dataSource = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task WriteChecked_ReachesLt_WhenTheCrlServerFailsTheFirstAttemptThenAnswers()
    {
        using var temp = new TempDirectory();
        await SignAsync(pki.FlakyCrl, temp.File("signed.pdf"));
        pki.FailNextFlakyCrlRequests(1);
        var before = pki.FlakyCrlRequests;

        var result = await Step(attempts: 3, delay: TimeSpan.FromMilliseconds(200))
            .WriteCheckedAsync(temp.File("signed.pdf"), temp.File("lt.pdf"), LtvLevel.LT, tsa: null, CancellationToken.None);

        Assert.True(result.Reached == LtvLevel.LT, string.Join("; ", result.Problems));
        Assert.Equal(2, pki.FlakyCrlRequests - before);
        var verified = PdfSignatureVerifier.Verify(temp.File("lt.pdf"), pki.Trust).Single();
        Assert.True(verified.IsValid, verified.Summary);
        Assert.Equal(RevocationStatus.Good, verified.Revocation);
    }

    [Fact]
    public async Task WriteChecked_StaysShortOfLt_WhenTheCrlServerFailsTheOnlyAttempt()
    {
        using var temp = new TempDirectory();
        await SignAsync(pki.FlakyCrl, temp.File("signed.pdf"));
        pki.FailNextFlakyCrlRequests(1);
        var before = pki.FlakyCrlRequests;

        var result = await Step(attempts: 0, delay: TimeSpan.FromMilliseconds(200))
            .WriteCheckedAsync(temp.File("signed.pdf"), temp.File("out.pdf"), LtvLevel.LT, tsa: null, CancellationToken.None);

        // The same flaky server without retries: the answer after the failure is never asked for.
        Assert.Equal(LtvLevel.None, result.Reached);
        Assert.Equal(1, pki.FlakyCrlRequests - before);
        Assert.Contains(result.Problems, p => p.Contains("HTTP 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Augment_RecordsLtvShortWithTheAttempts_WhenTheResponderNeverAnswers()
    {
        using var temp = new TempDirectory();
        await SignAsync(pki.Silent, temp.File("signed.pdf"));
        var documentId = Guid.NewGuid();
        var delay = TimeSpan.FromMilliseconds(300);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var filed = await Step(attempts: 2, delay).AugmentAsync(temp.File("signed.pdf"), temp.File("out.pdf"),
            new RouteOptions { Name = "umum", Ltv = LtvSetting.LT }, documentId, CancellationToken.None);

        Assert.True(started.Elapsed >= 2 * delay, "each further attempt waits its delay first");
        Assert.Equal(temp.File("out.pdf"), filed);
        Assert.True(PdfSignatureVerifier.Verify(filed, pki.Trust).Single().IsIntact);
        await using var command = dataSource.CreateCommand(
            $"SELECT string_agg(detail, ' | ') FROM worker.audit_events WHERE document_id = '{documentId}' AND action = 'ltv-short'");
        var detail = (string?)await command.ExecuteScalarAsync();
        Assert.NotNull(detail);
        Assert.StartsWith("asked for B-LT, filed at no long-term validation level: ", detail);
        Assert.Contains("no revocation data for CN=Silent Responder Signer", detail);
        Assert.Contains("3 attempts", detail);
        Assert.DoesNotContain(" | ", detail);
    }

    private LtvStep Step(int attempts, TimeSpan delay)
    {
        var verification = new VerificationOptions
        {
            RevocationTimeout = TimeSpan.FromSeconds(1), RevocationAttempts = attempts, RevocationRetryDelays = [delay],
        };
        var timestamp = Microsoft.Extensions.Options.Options.Create(new TimestampOptions());
        var http = services.GetRequiredService<IHttpClientFactory>();
        return new LtvStep(new TrustAnchorSource([pki.CaPem], []), new TimestampSource(timestamp, http), http, timestamp,
            Microsoft.Extensions.Options.Options.Create(verification),
            new SigningStore(dataSource, new AuditLog(dataSource, TimeProvider.System)), TimeProvider.System, NullLogger<LtvStep>.Instance);
    }

    private async Task SignAsync(RevocationPki.Signer signer, string output)
    {
        using var key = signer.Files.Open();
        await PdfSigner.SignAsync(new PdfSignRequest
        {
            InputPath = RepoPaths.CorpusFile("pdflatex-outline.pdf"), OutputPath = output, Signer = key, TrustAnchors = pki.Trust,
        });
    }
}
