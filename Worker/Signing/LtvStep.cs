using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Persistence;
using Worker.Pdf.Ltv;
using Worker.Pdf.Revocation;
using Worker.Pdf.Timestamps;
using Worker.Pdf.Verification;
using RouteOptions = Worker.Configuration.RouteOptions;

namespace Worker.Signing;

/// <summary>
/// At filing, takes the signed file to the route's LTV level (B-LT: a DSS; B-LTA: then a document timestamp) for every
/// signature in it, whoever made it, and checks the result like any signed output before it may be filed.
/// </summary>
public sealed partial class LtvStep(TrustAnchorSource trust, TimestampSource timestamps, IHttpClientFactory http, IOptions<TimestampOptions> timestamp,
    IOptions<VerificationOptions> verification, SigningStore store, TimeProvider clock, ILogger<LtvStep> logger)
{
    /// <summary>The level a route asks for: its own setting, else LTA with a TSA and LT without.</summary>
    public LtvLevel LevelFor(RouteOptions route) => (route.Ltv ?? (timestamp.Value.Url.Length > 0 ? LtvSetting.LTA : LtvSetting.LT)) switch
    {
        LtvSetting.None => LtvLevel.None,
        LtvSetting.LT => LtvLevel.LT,
        _ => LtvLevel.LTA,
    };

    /// <summary>Writes the augmented file to <paramref name="output"/> and returns its path, or returns <paramref name="signed"/> for level None.</summary>
    public async Task<string> AugmentAsync(string signed, string output, RouteOptions route, Guid documentId, CancellationToken ct)
    {
        var level = LevelFor(route);
        if (level == LtvLevel.None) return signed;
        File.Delete(output); // a leftover of an interrupted run
        var result = await WriteCheckedAsync(signed, output, level, timestamps.Stamper(), ct);
        if (result.Reached == level)
        {
            LogReached(documentId, result.Reached);
            return output;
        }
        var problems = string.Join("; ", result.Problems);
        LogShort(documentId, level, result.Reached, problems);
        // Filed all the same (the letter is validly signed), but an operator must see that it will not verify as long as asked.
        await store.RecordLtvShortAsync(documentId, $"asked for {Name(level)}, filed at {Name(result.Reached)}: {problems}", clock.GetUtcNow(), ct);
        return output;
    }

    /// <summary>
    /// Writes <paramref name="input"/> taken to <paramref name="level"/> (a DSS for every signature, then a document timestamp
    /// from <paramref name="tsa"/>) to <paramref name="output"/>, verifies it like any signed output and returns the level reached;
    /// throws when a signature no longer verifies. Filing and the archive renewal both come here.
    /// </summary>
    public async Task<LtvResult> WriteCheckedAsync(string input, string output, LtvLevel level, ITimeStamper? tsa,
        CancellationToken ct)
    {
        var anchors = trust.Load();
        var online = new OnlineRevocationChecker(http.CreateClient("revocation"), verification.Value.RevocationTimeout);
        var collector = new LtvCollector(anchors, online, verification.Value.RetryDelays(), clock);
        var result = await LtvAugmenter.AugmentAsync(input, output, level, collector, tsa, ct);
        var broken = PdfSignatureVerifier.Verify(output, anchors).Where(v => !v.IsIntact).ToList();
        if (broken.Count > 0)
            throw new InvalidOperationException($"the file with long-term validation data failed its own verification: {broken[0].FieldName}: {broken[0].Summary}");
        return result;
    }

    private static string Name(LtvLevel level) => level == LtvLevel.None ? "no long-term validation level" : $"B-{level}";

    [LoggerMessage(LogLevel.Information, "Document {DocumentId}: long-term validation data added ({Level})")]
    private partial void LogReached(Guid documentId, LtvLevel level);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: asked for {Wanted}, reached {Reached}: {Problems}")]
    private partial void LogShort(Guid documentId, LtvLevel wanted, LtvLevel reached, string problems);
}
