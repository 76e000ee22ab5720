using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Ltv;
using Worker.Pdf.Revocation;
using Worker.Pdf.Timestamps;

namespace Worker.Cli;

/// <summary>
/// The <c>sign</c> command's loop over its inputs, whoever signs them: one line per file, long-term validation data when
/// asked, and the rate for a batch.
/// </summary>
internal sealed class SignRun(SignSettings settings, HttpClient http, HttpTimeStamper? timestamper, TextWriter stdout, TextWriter stderr)
{
    /// <summary>The command's arguments.</summary>
    public SignSettings Settings => settings;

    /// <summary>Where refusals and failures go.</summary>
    public TextWriter Stderr => stderr;

    /// <summary>
    /// Signs every input with <paramref name="sign"/>, at most <paramref name="parallelism"/> at a time; <paramref name="anchors"/>
    /// are what long-term validation data is collected up to. Returns the exit code for the whole batch.
    /// </summary>
    public async Task<int> EachAsync(int parallelism, X509Certificate2Collection anchors,
        Func<string, string, CancellationToken, Task<FileOutcome>> sign, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        int signed = 0, refused = 0, failed = 0;
        var stopped = false;
        var console = new object();
        // Files are independent, so a batch uses every core; each file still prints exactly one line.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(settings.Inputs, parallel, async (input, token) =>
        {
            var output = settings.Output ?? Path.Combine(settings.OutDir!, Path.GetFileName(input));
            var outcome = Volatile.Read(ref stopped) ? null
                : !File.Exists(input) ? new FileOutcome(ExitCode.InputRefused, RefusalLine.NotFound(input))
                : await sign(input, output, token);
            if (outcome is { Code: ExitCode.Done } && settings.Ltv != LtvLevel.None) outcome = await AddLtvAsync(output, outcome.Line, anchors, token);
            lock (console)
            {
                // After a wrong secret the remaining files count as failed without a line each: the one line says why.
                if (outcome is null) { failed++; return; }
                if (outcome.StopsTheRest) stopped = true;
                (outcome.Code == ExitCode.Done ? stdout : stderr).WriteLine(outcome.Line);
                _ = outcome.Code switch
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

    // Signs first, then moves the signed file aside and writes the augmented one in its place.
    private async Task<FileOutcome> AddLtvAsync(string output, string line, X509Certificate2Collection anchors, CancellationToken ct)
    {
        var signed = output + ".signed.tmp";
        File.Move(output, signed, overwrite: true);
        try
        {
            var collector = new LtvCollector(anchors, new OnlineRevocationChecker(http, TimeSpan.FromSeconds(10)));
            var result = await LtvAugmenter.AugmentAsync(signed, output, settings.Ltv, collector, timestamper, ct);
            return result.Reached == settings.Ltv
                ? new(ExitCode.Done, $"{line}, B-{result.Reached}")
                : new(ExitCode.Unexpected, $"{line}, but B-{settings.Ltv} was not reached: {string.Join("; ", result.Problems)}");
        }
        catch (Exception e) when (e is TimestampException or IOException or InvalidOperationException)
        {
            File.Move(signed, output, overwrite: true);
            return new(ExitCode.Unexpected, $"{line}, but long-term validation data failed: {e.Message.ReplaceLineEndings(" ")}");
        }
        finally
        {
            File.Delete(signed);
        }
    }
}
