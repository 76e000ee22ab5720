using System.Globalization;
using UglyToad.PdfPig.Tokens;
using Worker.Cli;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Cli;

/// <summary>
/// <c>verify FILE --at DATE --offline</c>: long-term validation with only what the file embeds, after the real OCSP
/// responder, CRL server and TSAs of <see cref="OfflineLtvFiles"/> have stopped (their ports count any connection).
/// </summary>
public sealed class VerifyCommandOfflineTests(OfflineLtvFiles files) : IClassFixture<OfflineLtvFiles>
{
    [Fact]
    public async Task Verify_IsValidOffline_WhenTheSignerAndTsaCertificatesHaveExpiredButTheFileIsBLta()
    {
        var at = files.ShortLivedExpiry.AddDays(30);
        Assert.True(at < files.LongLivedExpiry);

        var (exit, stdout) = await VerifyAsync(files.Lta, at);

        Assert.True(exit == ExitCode.Done, stdout);
        var lines = stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains(": VALID signed by OCSP Good Signer", StringComparison.Ordinal) && l.Contains("PAdES B-LTA", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(": VALID signed by Worker Test TSA", StringComparison.Ordinal));
        Assert.Equal(0, files.ConnectionsSinceStopped);
    }

    [Fact]
    public async Task Verify_IsNotVerifiableOffline_WhenTheNewestDocumentTimestampsTsaHasExpiredAtTheDate()
    {
        var (exit, stdout) = await VerifyAsync(files.Lta, files.LongLivedExpiry.AddDays(30));

        Assert.True(exit == ExitCode.SignatureInvalid, stdout);
        Assert.Contains("NOT VERIFIABLE OFFLINE", stdout);
        Assert.Contains("a newer document timestamp is needed", stdout);
        Assert.DoesNotContain(": VALID", stdout);
        Assert.Equal(0, files.ConnectionsSinceStopped);
    }

    [Fact]
    public async Task Verify_IsNotVerifiableOffline_WhenABtFileHasNoDss()
    {
        // Within every certificate's validity: what is missing is the revocation data, not time.
        var (exit, stdout) = await VerifyAsync(files.BtOnly, DateTimeOffset.UtcNow.AddDays(1));

        Assert.True(exit == ExitCode.SignatureInvalid, stdout);
        Assert.Contains("NOT VERIFIABLE OFFLINE (OCSP Good Signer, B-T)", stdout);
        Assert.Contains("no OCSP response or CRL", stdout);
        Assert.Equal(0, files.ConnectionsSinceStopped);
    }

    [Fact]
    public async Task Verify_IsInvalidOffline_WhenTheCertificateWasRevokedBeforeSigning()
    {
        var (exit, stdout) = await VerifyAsync(files.RevokedLta, DateTimeOffset.UtcNow.AddDays(1));

        Assert.True(exit == ExitCode.SignatureInvalid, stdout);
        Assert.Matches("INVALID \\(OCSP Revoked Signer\\): .*revoked on .*before the signing time \\(embedded OCSP response\\)", stdout);
        Assert.Equal(0, files.ConnectionsSinceStopped);
    }

    [Fact]
    public async Task Verify_FollowsTheDocumentTimestampsInSequence_WhenTheArchiveWasRenewedBeforeTheTsaExpired()
    {
        var at = files.ShortLivedExpiry.AddDays(30);

        var (beforeExit, before) = await VerifyAsync(files.LtaShortLived, at);
        var (renewedExit, renewed) = await VerifyAsync(files.Renewed, at);

        Assert.True(beforeExit == ExitCode.SignatureInvalid, before);
        Assert.Contains("NOT VERIFIABLE OFFLINE", before);
        Assert.True(renewedExit == ExitCode.Done, renewed);
        Assert.Equal(3, renewed.Split('\n').Count(l => l.Contains(": VALID", StringComparison.Ordinal)));
        Assert.Equal(0, files.ConnectionsSinceStopped);
    }

    [Fact]
    public async Task Verify_IsInvalidOffline_WhenARevisionAfterTheDocumentTimestampChangesMoreThanADss()
    {
        var attacked = Path.Combine(files.Folder, $"attacked-{Guid.NewGuid():N}.pdf");
        Revisions.Append(files.Lta, attacked, (pdf, update) =>
            update.Set(pdf.Root, pdf.Catalog.With(NameToken.Create("OpenAction"), new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.S] = NameToken.Create("JavaScript"), [NameToken.Create("JS")] = new StringToken("app.alert(1)"),
            }))));

        var (exit, stdout) = await VerifyAsync(attacked, files.ShortLivedExpiry.AddDays(30));

        Assert.True(exit == ExitCode.SignatureInvalid, stdout);
        Assert.Contains("OCSP Good Signer): ", stdout);
        Assert.Contains("/OpenAction", stdout);
        Assert.DoesNotContain(": VALID", stdout);
    }

    [Fact]
    public async Task Verify_RefusesAtWithoutOffline()
    {
        var errors = new StringWriter();

        var exit = await CommandLine.RunAsync(["verify", files.Lta, "--trust", files.TrustPem, "--at", "2040-01-01"], TextWriter.Null, errors);

        Assert.Equal(ExitCode.Usage, exit);
        Assert.Contains("add --offline", errors.ToString());
    }

    private async Task<(int Exit, string Stdout)> VerifyAsync(string file, DateTimeOffset at)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["verify", file, "--trust", files.TrustPem, "--offline",
            "--at", at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)], stdout, stderr);
        return (exit, stdout + stderr.ToString());
    }
}
