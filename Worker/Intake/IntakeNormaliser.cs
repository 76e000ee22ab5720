using System.Security.Cryptography;
using Worker.Filing;

namespace Worker.Intake;

/// <summary>
/// Rewrites, once, a file that <see cref="NormalisationCheck"/> says needs it, into a clean single-revision PDF beside the
/// original in the content store. The tool is qpdf (Debian): an independent, well-tested rewriter that repairs broken
/// xref data and flattens revisions; its output is then re-checked by our own reader before anyone approves it.
/// </summary>
public sealed class IntakeNormaliser(ILogger<IntakeNormaliser> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>What to approve: the original as found, the normalised copy, or a refusal when it cannot be repaired.</summary>
    public async Task<IntakeNormalisation> PrepareAsync(Guid id, string original, CancellationToken ct)
    {
        if (NormalisationCheck.Check(original) is not { } reason) return IntakeNormalisation.AsFound(original);
        var target = Path.ChangeExtension(original, ".normalised.pdf");
        var temporary = target + ".part";
        try
        {
            // --deterministic-id: the same original always gives the same bytes, so a rerun after a crash changes nothing.
            var run = await ExternalProgram.RunAsync("qpdf", ["--deterministic-id", original, temporary], Timeout, ct);
            // qpdf exits 0 when clean, 3 when it repaired with warnings (the expected case here), 2 when it failed.
            if (run.ExitCode is not (0 or 3) || !File.Exists(temporary))
                return Unrepairable(id, reason, $"qpdf exit {run.ExitCode}");
            if (NormalisationCheck.Check(temporary) is { } left)
                return Unrepairable(id, reason, $"still {left.Code} after qpdf");
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        var detail = $"{reason.Code}: {reason.English}; rewritten with qpdf into {Path.GetFileName(target)}, sha256 {Sha256Of(target)}; " +
                     $"original kept as {Path.GetFileName(original)}, sha256 {Sha256Of(original)}";
        IntakeNormaliserLog.Normalised(logger, id, reason.Code);
        return new IntakeNormalisation { ApprovedPath = target, AuditDetail = detail };
    }

    private IntakeNormalisation Unrepairable(Guid id, NormalisationReason reason, string why)
    {
        IntakeNormaliserLog.Unrepairable(logger, id, reason.Code, why);
        return new IntakeNormalisation
        {
            ApprovedPath = null,
            Problem = new IntakeProblem(
                "PDF ini rusak dan tidak dapat diperbaiki secara otomatis. Simpan ulang dari aplikasi asalnya (atau cetak ulang sebagai PDF), lalu kirim lagi.",
                "The PDF is damaged and cannot be repaired automatically. Save it again from the program that made it (or print it to PDF again), then drop it again.",
                reason.English),
        };
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
