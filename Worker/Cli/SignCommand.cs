using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf;
using Worker.Pdf.Keys;
using Worker.Pdf.Timestamps;
using Worker.Pdf.Verification;
using Worker.Signing;

namespace Worker.Cli;

/// <summary>
/// <c>sign INPUT... (-o OUTPUT | --out-dir DIR) (--signer NAME | --pkcs12 FILE --password-file FILE) [options]</c>: signs each
/// input in one process, prints one line per file and the rate; every output is verified before it is reported. With
/// <c>--signer</c> every file goes through the worker's signing port, whatever the signer's Kind.
/// </summary>
public static class SignCommand
{
    // Long enough for a slow public TSA, short enough that a batch against a dead one ends.
    private static readonly TimeSpan TsaTimeout = TimeSpan.FromSeconds(20);

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, Console.In, stdout, stderr, cancellationToken);

    /// <summary>As the command line runs it; a signer's secret is read from <paramref name="stdin"/> (hidden when it is the terminal).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var settings = SignSettings.Parse(args);
        if (settings.OutDir is not null) Directory.CreateDirectory(settings.OutDir);
        using var http = new HttpClient();
        var timestamper = settings.TsaUrl is null ? null : new HttpTimeStamper(http, settings.TsaUrl, TsaTimeout);
        var engine = new CommandLineEngine(settings, timestamper);
        var run = new SignRun(settings, http, timestamper, stdout, stderr);
        if (settings.SignerProfile is null) return await WithKeyFileAsync(run, engine, cancellationToken);

        await using var session = await SignerSession.OpenAsync(settings, engine, stdin, stderr, cancellationToken);
        // One secret, typed once: files go one after another, and a wrong secret stops the rest rather than repeat the refusal.
        var parallelism = session.Secret is null ? Environment.ProcessorCount : 1;
        return await run.EachAsync(parallelism, session.Trust, (input, output, ct) => ThroughPortAsync(session, engine, input, output, ct), cancellationToken);
    }

    private static async Task<int> WithKeyFileAsync(SignRun run, CommandLineEngine engine, CancellationToken cancellationToken)
    {
        var settings = run.Settings;
        Pkcs12DigestSigner signer;
        try
        {
            signer = Pkcs12DigestSigner.Open(settings.Pkcs12!, settings.PasswordFile!, settings.RsaPss);
        }
        catch (SigningKeyException e)
        {
            await run.Stderr.WriteLineAsync(e.Message);
            return ExitCode.Usage;
        }
        using (signer)
        {
            var name = settings.Name ?? signer.Chain[0].GetNameInfo(X509NameType.SimpleName, false);
            var position = settings.SignerPosition ?? "";
            return await run.EachAsync(Environment.ProcessorCount, settings.Trust ?? new X509Certificate2Collection(signer.Chain[^1]),
                (input, output, ct) => DirectAsync(run, engine, signer, name, position, input, output, ct), cancellationToken);
        }
    }

    private static async Task<FileOutcome> DirectAsync(SignRun run, CommandLineEngine engine, IDigestSigner signer, string name, string position,
        string input, string output, CancellationToken ct)
    {
        try
        {
            var result = await engine.SignAsync(input, output, signer, name, position, run.Settings.Trust, ct);
            return new(ExitCode.Done, $"{input}: signed -> {result.OutputPath} ({result.FieldName}, {result.Verification.SignerName}, verified)"
                                      + (result.StampNote is { } note ? $"; note: {note}" : ""));
        }
        catch (Exception e) when (Failure(input, e) is { } failure)
        {
            return failure;
        }
    }

    private static async Task<FileOutcome> ThroughPortAsync(SignerSession session, CommandLineEngine engine, string input, string output, CancellationToken ct)
    {
        FileOutcome outcome;
        try
        {
            await session.Port.SignAsync(session.Request(input, output), ct);
            // The port checked the new signature; the line names it as the verifier reads it.
            var newest = PdfSignatureVerifier.Verify(output, session.Trust).Single(v => v.CoversWholeFile);
            outcome = new(ExitCode.Done, $"{input}: signed -> {output} ({newest.FieldName}, {newest.SignerName}, verified)"
                                         + (engine.NoteFor(output) is { } note ? $"; note: {note}" : ""));
        }
        catch (Exception e) when (RemoteSigningFailures.WrongSecret(e))
        {
            outcome = new(ExitCode.Unexpected, $"{input}: failed: {OneLine(e)}", StopsTheRest: true);
        }
        catch (Exception e) when (Failure(input, e) is { } failure)
        {
            outcome = failure;
        }
        catch (Exception e) when (RemoteSigningFailures.Refused(e) || e is HttpRequestException)
        {
            outcome = new(ExitCode.Unexpected, $"{input}: failed: {OneLine(e)}");
        }
        // Belt and braces: no service's message may echo the secret back onto the terminal or into a script's log.
        return session.Secret is { } secret ? outcome with { Line = secret.RedactFrom(outcome.Line) } : outcome;
    }

    // The failures a file's line reports; null for anything else, which stops the command with one line.
    private static FileOutcome? Failure(string input, Exception e) => e switch
    {
        PdfRefusedException refusal => new(ExitCode.InputRefused, RefusalLine.For(input, refusal)),
        // Never signs without the timestamp asked for: the file fails, and the line names the TSA.
        TimestampException => new(ExitCode.Unexpected, $"{input}: failed: {e.Message}"),
        IOException or UnauthorizedAccessException or InvalidOperationException or CryptographicException or SignedOutputRefusedException
            => new(ExitCode.Unexpected, $"{input}: failed: {OneLine(e)}"),
        _ => null,
    };

    private static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ");
}
