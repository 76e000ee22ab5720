using Worker.Filing;

namespace Worker.Signing;

/// <summary>
/// The post-condition every signed output passes before filing, by a reader that is not ours: <c>qpdf --check</c> must
/// judge the output no worse than the input (clean stays clean, warnings never become errors).
/// </summary>
public static class OutputCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Throws <see cref="InvalidOperationException"/> with the reason when <paramref name="output"/> reads worse than <paramref name="input"/>.</summary>
    public static async Task EnsureNoWorseAsync(string input, string output, CancellationToken ct)
    {
        var before = await CheckAsync(input, ct);
        var after = await CheckAsync(output, ct);
        if (after.Rank <= before.Rank) return;
        throw new InvalidOperationException(
            $"hasil tanda tangan lebih rusak daripada berkas yang disetujui menurut qpdf --check ({before.Name} menjadi {after.Name}) / " +
            $"the signed output reads worse than the approved file to qpdf --check ({before.Name} became {after.Name}): {after.FirstProblem}");
    }

    private sealed record Verdict(int Rank, string Name, string FirstProblem);

    private static async Task<Verdict> CheckAsync(string path, CancellationToken ct)
    {
        var run = await ExternalProgram.RunAsync("qpdf", ["--check", path], Timeout, ct);
        var first = run.Output.Split('\n').FirstOrDefault(l => l.StartsWith("WARNING", StringComparison.Ordinal) || l.StartsWith("qpdf:", StringComparison.Ordinal))
                    ?? "";
        // qpdf: 0 clean, 3 warnings only, 2 errors; anything else (a crash) counts as errors too.
        return run.ExitCode switch
        {
            0 => new Verdict(0, "clean", first),
            3 => new Verdict(1, "warnings", first),
            _ => new Verdict(2, "errors", first),
        };
    }
}
