using System.Security.Cryptography.X509Certificates;
using Worker.Pdf;
using Worker.Pdf.Verification;

namespace Worker.Cli;

/// <summary><c>verify FILE [--trust PEM] [--extract-revision N OUT]</c>: one line per signature; exit 0 when all are valid, 4 otherwise.</summary>
public static class VerifyCommand
{
    private static readonly HashSet<string> ValueOptions = ["--trust", "--extract-revision"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgumentReader(args, ValueOptions, new HashSet<string>());
        var extract = ExtractRequest.From(reader);
        var file = reader.Positional[0];
        if (!File.Exists(file))
            throw new UsageException($"file not found: {file}");
        var trust = LoadTrust(reader.Value("--trust"));
        IReadOnlyList<SignatureVerification> results;
        try
        {
            results = PdfSignatureVerifier.Verify(file, trust);
        }
        catch (PdfRefusedException e)
        {
            stderr.WriteLine($"{file}: refused: {e.Message}");
            return ExitCode.InputRefused;
        }
        if (results.Count == 0)
        {
            stdout.WriteLine($"{file}: no signatures");
            return ExitCode.SignatureInvalid;
        }
        foreach (var r in results)
            stdout.WriteLine(Line(r));
        ExtractRequest.PrintScopes(file, results, stdout);
        if (extract?.Run(file, results, stdout, stderr) is { } failed) return failed;
        return results.All(r => r.IsValid) ? ExitCode.Done : ExitCode.SignatureInvalid;
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

    private static string Line(SignatureVerification r)
    {
        var verdict = r.IsValid ? "VALID" : "INVALID";
        var who = r.SignerName ?? "unknown signer";
        var when = r.SigningTime is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture) : "no time";
        var scope = r.CoversWholeFile ? "covers the whole file" : "later revisions only add signatures";
        var trust = r.ChainTrusted switch { true => ", trusted", false => ", untrusted", null => "" };
        var timestamp = r.TimestampTime is { } tsaTime
            ? $", timestamp valid ({tsaTime.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)} by the TSA)"
            : ", no timestamp";
        return r.IsValid
            ? $"{r.FieldName}: {verdict} signed by {who} at {when}{trust}{timestamp}, {scope}"
            : $"{r.FieldName}: {verdict} ({who}): {r.Summary}";
    }
}
