using System.Globalization;
using Worker.Pdf;
using Worker.Pdf.Revisions;
using Worker.Pdf.Verification;

namespace Worker.Cli;

/// <summary>
/// <c>verify FILE [--extract-revision N OUT]</c>: says plainly which signatures do not cover the whole file, and writes the
/// exact bytes signed by signature N (1 = oldest) to OUT. The exit code is then the revision's: what the operator asked for.
/// </summary>
/// <param name="Number">Which signature's revision, 1 for the oldest.</param>
/// <param name="Output">Where the revision's bytes go.</param>
internal sealed record ExtractRequest(int Number, string Output)
{
    /// <summary>Checks the positional arguments: FILE, plus OUT when --extract-revision N is given; null without the option.</summary>
    public static ExtractRequest? From(Arguments reader, string usage)
    {
        var number = reader.Value("--extract-revision");
        if (reader.Positional.Count != (number is null ? 1 : 2)) throw new UsageException(usage);
        if (number is null) return null;
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            throw new UsageException($"--extract-revision needs a signature number from 1 (the oldest): '{number}'");
        return new ExtractRequest(n, reader.Positional[1]);
    }

    /// <summary>One line for each signature that does not cover the whole file, numbered as --extract-revision counts.</summary>
    public static void PrintScopes(string file, IReadOnlyList<SignatureVerification> results, TextWriter stdout)
    {
        var length = new FileInfo(file).Length;
        var ordered = SignedRevisions.OldestFirst(results);
        for (var i = 0; i < ordered.Count; i++)
            if (SignedRevisions.End(ordered[i]) != length)
                stdout.WriteLine(Scope(i + 1, ordered[i], length));
    }

    /// <summary>
    /// Writes the revision and verifies it under the same policy; one line says what was written, whether the revision
    /// verifies and whether the whole file (<paramref name="results"/>) does. Exit 0 when every signature of the revision is
    /// VALID, 4 when not, 3 when the revision could not be cut.
    /// </summary>
    public async Task<int> RunAsync(
        string file, IReadOnlyList<SignatureVerification> results, VerificationPolicy policy, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        long end;
        try
        {
            end = SignedRevisions.Extract(file, results, Number, Output);
        }
        catch (PdfRefusedException e)
        {
            stderr.WriteLine($"{file}: {e.Message}");
            return ExitCode.InputRefused;
        }
        string revision;
        bool valid;
        try
        {
            var verified = await PdfSignatureVerifier.VerifyAsync(Output, policy, ct);
            (revision, valid) = (State(verified), verified.Count > 0 && verified.All(r => r.IsValid));
        }
        catch (PdfRefusedException e)
        {
            (revision, valid) = ($"not valid (it cannot be read: {e.Message})", false);
        }
        stdout.WriteLine($"revision signed by signature {Number} ({end} bytes) written to {Output}; the revision: {revision}; the whole file: {State(results)}");
        return valid ? ExitCode.Done : ExitCode.SignatureInvalid;
    }

    private static string State(IReadOnlyList<SignatureVerification> results) =>
        results.All(r => r.IsValid)
            ? "VALID"
            : $"not valid ({string.Join(", ", results.Where(r => !r.IsValid).Select(r => $"{r.FieldName} {VerifyCommand.Word(r.Verdict)}"))})";

    /// <summary>One line per signature saying, in plain words, whether the file was changed after it.</summary>
    public static string Scope(int number, SignatureVerification s, long fileLength) => SignedRevisions.End(s) switch
    {
        null => $"signature {number} ({s.FieldName}): its /ByteRange does not describe a revision",
        var end when end == fileLength => $"signature {number} ({s.FieldName}): covers the whole file",
        var end => $"signature {number} ({s.FieldName}): covers bytes 0..{end} of {fileLength}; {fileLength - end} bytes were added " +
                   $"after it: that is not what was signed (--extract-revision {number} OUT writes the signed revision)",
    };
}
