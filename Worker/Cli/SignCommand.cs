using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf;
using Worker.Pdf.Keys;
using Worker.Pdf.Ltv;
using Worker.Pdf.Revocation;
using Worker.Pdf.Pades;
using Worker.Pdf.Signatures;
using Worker.Pdf.Stamp;
using Worker.Pdf.Timestamps;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Signing.Keys;

namespace Worker.Cli;

/// <summary>
/// <c>sign INPUT... (-o OUTPUT | --out-dir DIR) (--signer NAME | --pkcs12 FILE --password-file FILE) [options]</c>: signs each
/// input in one process, prints one line per file and the rate; every output is verified before it is reported.
/// </summary>
public static class SignCommand
{
    // Where the stamp goes when --visible is given, as in the default route's configuration.
    private const double StampX = 360, StampY = 40, StampWidth = 200, StampHeight = 80;

    // Long enough for a slow public TSA, short enough that a batch against a dead one ends.
    private static readonly TimeSpan TsaTimeout = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var settings = SignSettings.Parse(args);
        if (settings.OutDir is not null) Directory.CreateDirectory(settings.OutDir);

        var profile = settings.SignerProfile is { } profileName ? SignerProfile.Load(profileName, settings.ConfigFile) : null;
        // A configured signer's key comes from the same provider the worker uses (PKCS#12 or a token); key files given directly open here.
        if (profile is not null && settings.RsaPss) profile.Pkcs11.RsaPss = true;
        // The provider's PKCS#12 keys sign PKCS#1 v1.5, as the worker's do; --rsa-pss with one opens the file here.
        var keys = profile is null || (settings.RsaPss && profile.Kind == SignerKinds.Pkcs12)
            ? null
            : new SignerKeys(Options.Create(new WorkerOptions { Signers = { [settings.SignerProfile!] = profile } }), TimeProvider.System);
        IDigestSigner signer;
        try
        {
            signer = keys is not null
                ? await keys.OpenAsync(settings.SignerProfile!, cancellationToken)
                : Pkcs12DigestSigner.Open(profile?.Pkcs12 ?? settings.Pkcs12!, profile?.PasswordFile ?? settings.PasswordFile!, settings.RsaPss);
        }
        catch (SigningKeyException e)
        {
            keys?.Dispose();
            // Name the profile, since the paths in the message came from configuration, not from the command line.
            stderr.WriteLine(settings.SignerProfile is null ? e.Message : $"--signer {settings.SignerProfile}: {e.Message}");
            return ExitCode.Usage;
        }
        using var http = new HttpClient();
        var timestamper = settings.TsaUrl is null ? null : new HttpTimeStamper(http, settings.TsaUrl, TsaTimeout);
        using (keys ?? (IDisposable)signer)
        {
            var name = settings.Name ?? NonBlank(profile?.Name) ?? signer.Chain[0].GetNameInfo(X509NameType.SimpleName, false);
            var position = settings.SignerPosition ?? profile?.Position ?? "";
            var template = new PdfSignRequest
            {
                InputPath = "",
                OutputPath = "",
                Signer = signer,
                Hash = settings.Hash,
                Reason = settings.Reason,
                Location = settings.Location,
                Name = name,
                ContactInfo = settings.Contact,
                TrustAnchors = settings.Trust,
                TimestampTokenFor = timestamper is null ? null : timestamper.GetTokenAsync,
            };
            var stopwatch = Stopwatch.StartNew();
            int signed = 0, refused = 0, failed = 0;
            var console = new object();
            // Files are independent, so a batch uses every core; each file still prints exactly one line.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(settings.Inputs, parallel, async (input, token) =>
            {
                // The stamp shows the same time as /M.
                var now = DateTimeOffset.Now;
                var request = template with
                {
                    InputPath = input,
                    OutputPath = settings.Output ?? Path.Combine(settings.OutDir!, Path.GetFileName(input)),
                    SigningTime = now,
                    Visible = settings.Visible ? Stamp(settings, name, position, input, now) : null,
                };
                var (code, line) = await SignOneAsync(request, token);
                if (code == ExitCode.Done && settings.Ltv != LtvLevel.None)
                    (code, line) = await AddLtvAsync(request.OutputPath, line, settings, signer, http, timestamper, token);
                lock (console)
                {
                    (code == ExitCode.Done ? stdout : stderr).WriteLine(line);
                    _ = code switch
                    {
                        ExitCode.Done => signed++,
                        ExitCode.InputRefused => refused++,
                        _ => failed++,
                    };
                }
            });
            stopwatch.Stop();
            var count = settings.Inputs.Count;
            if (count > 1)
            {
                var rate = count / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-6);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"signed {signed} of {count} files ({refused} refused, {failed} failed) in {stopwatch.Elapsed.TotalSeconds:0.00} s: {rate:0.0} files/s"));
            }
            return failed > 0 ? ExitCode.Unexpected : refused > 0 ? ExitCode.InputRefused : ExitCode.Done;
        }
    }

    private static async Task<(int Code, string Line)> SignOneAsync(PdfSignRequest request, CancellationToken cancellationToken)
    {
        if (!File.Exists(request.InputPath))
            return (ExitCode.InputRefused, RefusalLine.NotFound(request.InputPath));
        try
        {
            var result = await PdfSigner.SignAsync(request, cancellationToken);
            return (ExitCode.Done, $"{request.InputPath}: signed -> {result.OutputPath} ({result.FieldName}, {result.Verification.SignerName}, verified)"
                                   + (result.StampNote is { } note ? $"; note: {note}" : ""));
        }
        catch (PdfRefusedException e)
        {
            return (ExitCode.InputRefused, RefusalLine.For(request.InputPath, e));
        }
        catch (TimestampException e)
        {
            // Never signs without the timestamp asked for: the file fails, and the line names the TSA.
            return (ExitCode.Unexpected, $"{request.InputPath}: failed: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or CryptographicException)
        {
            return (ExitCode.Unexpected, $"{request.InputPath}: failed: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    // Signs first, then moves the signed file aside and writes the augmented one in its place.
    private static async Task<(int Code, string Line)> AddLtvAsync(string output, string line, SignSettings settings, IDigestSigner signer,
        HttpClient http, HttpTimeStamper? timestamper, CancellationToken ct)
    {
        var signed = output + ".signed.tmp";
        File.Move(output, signed, overwrite: true);
        try
        {
            var anchors = settings.Trust ?? new X509Certificate2Collection(signer.Chain[^1]);
            var collector = new LtvCollector(anchors, new OnlineRevocationChecker(http, TimeSpan.FromSeconds(10)));
            var result = await LtvAugmenter.AugmentAsync(signed, output, settings.Ltv, collector, timestamper is null ? null : timestamper.GetTokenForDigestAsync, ct);
            return result.Reached == settings.Ltv
                ? (ExitCode.Done, $"{line}, B-{result.Reached}")
                : (ExitCode.Unexpected, $"{line}, but B-{settings.Ltv} was not reached: {string.Join("; ", result.Problems)}");
        }
        catch (Exception e) when (e is TimestampException or IOException or InvalidOperationException)
        {
            File.Move(signed, output, overwrite: true);
            return (ExitCode.Unexpected, $"{line}, but long-term validation data failed: {e.Message.ReplaceLineEndings(" ")}");
        }
        finally
        {
            File.Delete(signed);
        }
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // The standalone command reads no office settings, so the stamp uses the default office zone (WITA).
    private static readonly TimeZoneInfo OfficeZone = new OfficeHoursOptions().Zone();

    private static VisibleSignature Stamp(SignSettings settings, string name, string position, string input, DateTimeOffset signedAt) =>
        StampedSignature.Create(new StampContent
        {
            SignerName = name,
            Position = position,
            SignedAt = signedAt,
            TimeZone = OfficeZone,
            TimeZoneLabel = OfficeTime.Label(signedAt, OfficeZone),
            Reason = settings.Reason,
            // Without a verification page to point to, the QR code at least names the signed file.
            VerifyUrl = settings.VerifyUrl ?? Path.GetFileName(input),
        }, settings.PageIndex, StampX, StampY, StampWidth, StampHeight);
}
