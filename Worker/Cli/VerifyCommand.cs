using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf;
using Worker.Pdf.Revocation;
using Worker.Pdf.Verification;

namespace Worker.Cli;

/// <summary>
/// <c>verify FILE [--trust PEM] [--offline [--at DATE]] [--revocation-timeout SECONDS] [--extract-revision N OUT]</c>: one line per signature,
/// VALID only for a signer that chains to --trust; exit 0 when all are VALID, 4 otherwise (UNTRUSTED, NOT VERIFIABLE OFFLINE or INVALID).
/// With --extract-revision the exit code is the written revision's (see <see cref="ExtractRequest"/>).
/// </summary>
public static class VerifyCommand
{
    private const string UsageLine =
        "usage: Worker verify FILE [--trust PEM] [--offline [--at DATE]] [--revocation-timeout SECONDS] [--extract-revision N OUT]";
    private static readonly HashSet<string> ValueOptions = ["--trust", "--revocation-timeout", "--extract-revision", "--at"];
    private static readonly HashSet<string> Flags = ["--offline"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var reader = Arguments.Parse(args, ValueOptions, Flags);
        var extract = ExtractRequest.From(reader, UsageLine);
        var file = reader.Positional[0];
        if (!File.Exists(file)) throw new UsageException($"file not found: {file}");
        var trust = LoadTrust(reader.Value("--trust"));
        var timeout = TimeSpan.FromSeconds(5);
        if (reader.Value("--revocation-timeout") is { } seconds)
            timeout = double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 60
                ? TimeSpan.FromSeconds(s)
                : throw new UsageException("--revocation-timeout needs a number of seconds between 0 and 60");
        var at = ValidationTime(reader);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var policy = new VerificationPolicy
        {
            TrustAnchors = trust,
            Revocation = reader.Flag("--offline") ? null : new OnlineRevocationChecker(http, timeout),
            ValidationTime = at,
        };
        IReadOnlyList<SignatureVerification> results;
        try
        {
            results = await PdfSignatureVerifier.VerifyAsync(file, policy, ct);
        }
        catch (PdfRefusedException e)
        {
            stderr.WriteLine(RefusalLine.For(file, e));
            return ExitCode.InputRefused;
        }
        if (results.Count == 0)
        {
            stdout.WriteLine($"{file}: no signatures");
            return ExitCode.SignatureInvalid;
        }
        foreach (var r in results)
        {
            stdout.WriteLine(Line(r, trust is not null));
            foreach (var note in r.Notes) stdout.WriteLine($"  note: {note}");
        }
        ExtractRequest.PrintScopes(file, results, stdout);
        if (extract is not null) return await extract.RunAsync(file, results, policy, stdout, stderr, ct);
        return results.All(r => r.IsValid) ? ExitCode.Done : ExitCode.SignatureInvalid;
    }

    // A responder answers about today, so a verdict at another date can only come from what the file embeds.
    private static DateTimeOffset? ValidationTime(Arguments reader)
    {
        if (reader.Value("--at") is not { } text) return null;
        if (!reader.Flag("--offline")) throw new UsageException("--at DATE validates with what the file embeds only: add --offline");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new UsageException($"--at needs a date like 2040-01-01 or 2040-01-01T08:00:00+08:00, not '{text}'");
    }

    internal static X509Certificate2Collection? LoadTrust(string? pem)
    {
        if (pem is null) return null;
        if (!File.Exists(pem)) throw new UsageException($"trust file not found: {pem}");
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(pem);
        if (collection.Count == 0) throw new UsageException($"no certificate in {pem}");
        return collection;
    }

    private static string TimeSource(SignatureVerification r) =>
        !r.TimeIsClaimed ? "timestamp valid, time from the TSA"
        : r.TimestampTime is null ? "time claimed by the signer"
        : "time claimed by the signer; timestamp valid but its TSA does not chain to --trust";

    private static string Line(SignatureVerification r, bool anchorsGiven)
    {
        var who = r.SignerName ?? "unknown signer";
        if (r.Verdict == SignatureVerdict.Invalid) return $"{r.FieldName}: {Word(r.Verdict)} ({who}): {r.Summary}";
        if (r.Verdict == SignatureVerdict.NotVerifiableOffline) return $"{r.FieldName}: {Word(r.Verdict)} ({who}, {r.Level}): {r.Summary}";
        var when = r.SigningTime is { } t
            ? $"{t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} ({TimeSource(r)})"
            : "no time (time claimed by the signer is missing)";
        var scope = r.CoversWholeFile ? "covers the whole file" : "later revisions only add signatures";
        var revocation = r.Revocation switch
        {
            RevocationStatus.Good => ", not revoked",
            RevocationStatus.Unknown => ", revocation unknown",
            _ => "",
        };
        return r.Verdict == SignatureVerdict.Valid
            ? $"{r.FieldName}: {Word(r.Verdict)} signed by {who} at {when}, trusted{revocation}, {scope}, PAdES {r.Level}"
            : $"{r.FieldName}: {Word(r.Verdict)} (intact, signer not recognised: {(anchorsGiven ? "does not chain to --trust" : "no --trust given")}) signed by {who} at {when}, {scope}, PAdES {r.Level}";
    }

    /// <summary>The word a verdict is printed as, in every line the command writes.</summary>
    internal static string Word(SignatureVerdict verdict) => verdict switch
    {
        SignatureVerdict.Valid => "VALID",
        SignatureVerdict.IntactUntrusted => "UNTRUSTED",
        SignatureVerdict.NotVerifiableOffline => "NOT VERIFIABLE OFFLINE",
        _ => "INVALID",
    };
}
