using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Worker.Pdf;
using Worker.Pdf.Cms;
using Worker.Pdf.Keys;
using Worker.Pdf.Pades;
using Worker.Pdf.Signatures;

namespace Worker.Cli;

/// <summary>
/// <c>sign INPUT... (-o OUTPUT | --out-dir DIR) --pkcs12 FILE --password-file FILE [options]</c>: signs each
/// input in one process, prints one line per file and the rate; every output is verified before it is reported.
/// </summary>
public static class SignCommand
{
    public const string Usage =
        "usage: Worker sign INPUT... (-o OUTPUT | --out-dir DIR) --pkcs12 FILE --password-file FILE [--visible] " +
        "[--page N|last] [--reason TEXT] [--location TEXT] [--name TEXT] [--contact TEXT] [--hash sha256|sha384|sha512] " +
        "[--rsa-pss] [--trust PEM]";

    // Where the stamp goes when --visible is given, as in the default route's configuration.
    private const double StampX = 360, StampY = 40, StampWidth = 200, StampHeight = 80;

    private static readonly HashSet<string> ValueOptions =
        ["-o", "--out-dir", "--pkcs12", "--password-file", "--page", "--reason", "--location", "--name", "--contact", "--hash", "--trust"];

    private static readonly HashSet<string> Flags = ["--visible", "--rsa-pss"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var reader = new ArgumentReader(args, ValueOptions, Flags);
        var inputs = reader.Positional;
        var output = reader.Value("-o");
        var outDir = reader.Value("--out-dir");
        if (inputs.Count == 0 || (output is null) == (outDir is null) || (output is not null && inputs.Count > 1))
            throw new UsageException(Usage);
        var hash = ParseHash(reader.Value("--hash") ?? "sha256");
        var page = ParsePage(reader.Value("--page"));
        var trust = VerifyCommand.LoadTrust(reader.Value("--trust"));
        if (outDir is not null) Directory.CreateDirectory(outDir);

        Pkcs12DigestSigner signer;
        try
        {
            signer = Pkcs12DigestSigner.Open(reader.Required("--pkcs12"), reader.Required("--password-file"), reader.Flag("--rsa-pss"));
        }
        catch (SigningKeyException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCode.Usage;
        }
        using (signer)
        {
            var template = new PdfSignRequest
            {
                InputPath = "",
                OutputPath = "",
                Signer = signer,
                Hash = hash,
                Reason = reader.Value("--reason"),
                Location = reader.Value("--location"),
                Name = reader.Value("--name"),
                ContactInfo = reader.Value("--contact"),
                TrustAnchors = trust,
            };
            var stopwatch = Stopwatch.StartNew();
            int signed = 0, refused = 0, failed = 0;
            var console = new object();
            // Files are independent, so a batch uses every core; each file still prints exactly one line.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(inputs, parallel, async (input, token) =>
            {
                var target = output ?? Path.Combine(outDir!, Path.GetFileName(input));
                var request = template with
                {
                    InputPath = input,
                    OutputPath = target,
                    Visible = reader.Flag("--visible") ? Stamp(template, signer, page) : null,
                };
                var (code, line) = await SignOneAsync(request, token);
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
            if (inputs.Count > 1)
            {
                var rate = inputs.Count / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-6);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"signed {signed} of {inputs.Count} files ({refused} refused, {failed} failed) in {stopwatch.Elapsed.TotalSeconds:0.00} s: {rate:0.0} files/s"));
            }
            return failed > 0 ? ExitCode.Unexpected : refused > 0 ? ExitCode.InputRefused : ExitCode.Done;
        }
    }

    private static async Task<(int Code, string Line)> SignOneAsync(PdfSignRequest request, CancellationToken cancellationToken)
    {
        if (!File.Exists(request.InputPath))
            return (ExitCode.InputRefused, $"{request.InputPath}: refused: file not found");
        try
        {
            var result = await PdfSigner.SignAsync(request, cancellationToken);
            return (ExitCode.Done, $"{request.InputPath}: signed -> {result.OutputPath} ({result.FieldName}, {result.Verification.SignerName}, verified)");
        }
        catch (PdfRefusedException e)
        {
            return (ExitCode.InputRefused, $"{request.InputPath}: refused: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or CryptographicException)
        {
            return (ExitCode.Unexpected, $"{request.InputPath}: failed: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static VisibleSignature Stamp(PdfSignRequest request, IDigestSigner signer, int? page)
    {
        var name = request.Name ?? signer.Chain[0].GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false);
        var wita = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"));
        string[] lines = ["Ditandatangani secara elektronik", name, wita.ToString("yyyy-MM-dd HH:mm 'WITA'", CultureInfo.InvariantCulture), request.Reason ?? ""];
        return new VisibleSignature
        {
            PageIndex = page,
            X = StampX,
            Y = StampY,
            Width = StampWidth,
            Height = StampHeight,
            Appearance = PlainStampAppearance.Create(StampWidth, StampHeight, lines.Where(l => l.Length > 0).ToList()),
        };
    }

    private static HashAlgorithmName ParseHash(string value)
    {
        try
        {
            return CmsAlgorithms.ParseHash(value);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    // Pages are numbered from 1 on the command line, as readers number them; null means the last page.
    private static int? ParsePage(string? value) => value switch
    {
        null or "last" => null,
        _ when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 => n - 1,
        _ => throw new UsageException($"--page must be a page number (1, 2, ...) or 'last', not '{value}'"),
    };
}
