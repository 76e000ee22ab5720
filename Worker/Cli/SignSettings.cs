using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Cms;

namespace Worker.Cli;

/// <summary>The <c>sign</c> command's arguments, checked; every mistake is a <see cref="UsageException"/>.</summary>
internal sealed record SignSettings
{
    /// <summary>The usage line printed with argument errors.</summary>
    public const string Usage =
        "usage: Worker sign INPUT... (-o OUTPUT | --out-dir DIR) (--signer NAME [--config FILE] | --pkcs12 FILE --password-file FILE) " +
        "[--visible] [--page N|last] [--verify-url URL] [--signer-position TEXT] [--reason TEXT] [--location TEXT] [--name TEXT] " +
        "[--contact TEXT] [--tsa URL] [--ltv LT|LTA] [--hash sha256|sha384|sha512] [--rsa-pss] [--trust PEM]";

    private static readonly HashSet<string> ValueOptions =
    [
        "-o", "--out-dir", "--signer", "--config", "--pkcs12", "--password-file", "--page", "--verify-url", "--signer-position",
        "--reason", "--location", "--name", "--contact", "--tsa", "--ltv", "--hash", "--trust",
    ];

    private static readonly HashSet<string> Flags = ["--visible", "--rsa-pss"];

    /// <summary>The PDFs to sign, in the order given.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The single output file (-o), or null when signing into <see cref="OutDir"/>.</summary>
    public string? Output { get; init; }

    /// <summary>The folder outputs go to under their input's file name (--out-dir), or null.</summary>
    public string? OutDir { get; init; }

    /// <summary>The configured signer profile to use (--signer), or null when the key files are given directly.</summary>
    public string? SignerProfile { get; init; }

    /// <summary>The extra configuration file the profile is read from (--config).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The PKCS#12 file (--pkcs12), when no profile is used.</summary>
    public string? Pkcs12 { get; init; }

    /// <summary>The file holding the PKCS#12 password (--password-file), when no profile is used.</summary>
    public string? PasswordFile { get; init; }

    /// <summary>RSA keys sign with PSS instead of PKCS#1 v1.5.</summary>
    public bool RsaPss { get; init; }

    /// <summary>Draw the visible stamp.</summary>
    public bool Visible { get; init; }

    /// <summary>Zero-based page for the stamp; null is the last page.</summary>
    public int? PageIndex { get; init; }

    /// <summary>What the stamp's QR code encodes; null means each input's file name.</summary>
    public string? VerifyUrl { get; init; }

    /// <summary>The position (jabatan) on the stamp; overrides the profile's.</summary>
    public string? SignerPosition { get; init; }

    /// <summary>/Reason and the stamp's reason line.</summary>
    public string? Reason { get; init; }

    /// <summary>/Location.</summary>
    public string? Location { get; init; }

    /// <summary>/Name and the stamp's name line; overrides the profile's.</summary>
    public string? Name { get; init; }

    /// <summary>/ContactInfo.</summary>
    public string? Contact { get; init; }

    /// <summary>The RFC 3161 timestamp authority (--tsa), or null to sign without a timestamp.</summary>
    public Uri? TsaUrl { get; init; }

    /// <summary>The digest algorithm.</summary>
    public HashAlgorithmName Hash { get; init; } = HashAlgorithmName.SHA256;

    /// <summary>Long-term validation data to add after signing (--ltv LT|LTA); None by default.</summary>
    public Worker.Pdf.Ltv.LtvLevel Ltv { get; init; }

    /// <summary>Trust anchors the self-check chains to (--trust), or null.</summary>
    public X509Certificate2Collection? Trust { get; init; }

    /// <summary>The PEM file <see cref="Trust"/> came from, or null; with --signer it replaces Worker:Verification:TrustAnchors.</summary>
    public string? TrustFile { get; init; }

    /// <summary>Parses and checks the arguments after <c>sign</c>.</summary>
    public static SignSettings Parse(string[] args)
    {
        var reader = Arguments.Parse(args, ValueOptions, Flags);
        var output = reader.Value("-o");
        var outDir = reader.Value("--out-dir");
        if (reader.Positional.Count == 0 || (output is null) == (outDir is null) || (output is not null && reader.Positional.Count > 1))
            throw new UsageException(Usage);
        var profile = reader.Value("--signer");
        if (profile is not null && (reader.Value("--pkcs12") ?? reader.Value("--password-file")) is not null)
            throw new UsageException("--signer and --pkcs12/--password-file are alternatives: give one or the other");
        if (profile is null && reader.Value("--config") is not null)
            throw new UsageException("--config is only read for --signer NAME");
        return new SignSettings
        {
            Inputs = reader.Positional,
            Output = output,
            OutDir = outDir,
            SignerProfile = profile,
            ConfigFile = reader.Value("--config"),
            Pkcs12 = profile is null ? reader.Required("--pkcs12") : null,
            PasswordFile = profile is null ? reader.Required("--password-file") : null,
            RsaPss = reader.Flag("--rsa-pss"),
            Visible = reader.Flag("--visible"),
            PageIndex = ParsePage(reader.Value("--page")),
            VerifyUrl = reader.Value("--verify-url"),
            SignerPosition = reader.Value("--signer-position"),
            Reason = reader.Value("--reason"),
            Location = reader.Value("--location"),
            Name = reader.Value("--name"),
            Contact = reader.Value("--contact"),
            TsaUrl = ParseTsa(reader.Value("--tsa")),
            Hash = ParseHash(reader.Value("--hash") ?? "sha256"),
            Trust = VerifyCommand.LoadTrust(reader.Value("--trust")),
            TrustFile = reader.Value("--trust"),
            Ltv = ParseLtv(reader.Value("--ltv"), reader.Value("--tsa")),
        };
    }

    private static Worker.Pdf.Ltv.LtvLevel ParseLtv(string? value, string? tsa) => value?.ToUpperInvariant() switch
    {
        null => Worker.Pdf.Ltv.LtvLevel.None,
        "LT" => Worker.Pdf.Ltv.LtvLevel.LT,
        "LTA" when tsa is not null => Worker.Pdf.Ltv.LtvLevel.LTA,
        "LTA" => throw new UsageException("--ltv LTA needs --tsa URL for the document timestamp"),
        _ => throw new UsageException($"--ltv must be LT or LTA, not '{value}'"),
    };

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

    private static Uri? ParseTsa(string? value) => value switch
    {
        null => null,
        _ when Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) => uri,
        _ => throw new UsageException($"--tsa must be an http or https URL, not '{value}'"),
    };
}
