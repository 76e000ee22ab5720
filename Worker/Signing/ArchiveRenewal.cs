using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Pdf.Ltv;
using Worker.Pdf.Timestamps;
using Worker.Persistence;

namespace Worker.Signing;

/// <summary>
/// Keeps the archive verifiable: a filed file whose newest document timestamp's TSA certificate expires (or whose hash
/// algorithm turns weak, Worker:Timestamp:HashWeakFrom) within Worker:Timestamp:RenewBefore gets a DSS for that timestamp and a new document timestamp, written beside it
/// (never over it), and the document points at the new file; the audit trail records it.
/// </summary>
public sealed partial class ArchiveRenewal(ArchiveRenewalStore store, LtvStep ltv, TimestampSource timestamps, IOptions<TimestampOptions> timestamp,
    TimeProvider clock, ILogger<ArchiveRenewal> logger)
{
    /// <summary>Renews what is due; returns how many files were renewed.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (timestamps.Stamper() is not { } tsa) return 0;
        var horizon = clock.GetUtcNow() + timestamp.Value.RenewBefore;
        var renewed = 0;
        foreach (var file in await store.FiledAsync(ct))
        {
            if (!File.Exists(file.SignedPath) || ArchivalHorizon.NewestTimestampExpiry(file.SignedPath, timestamp.Value.HashWeakFrom) is not { } expiry || expiry > horizon) continue;
            try
            {
                if (await RenewAsync(file, expiry, tsa, ct)) renewed++;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimestampException or Worker.Pdf.PdfRefusedException)
            {
                // One file that cannot be renewed now must not stop the others; the next run tries it again.
                LogFailed(file.Id, e.Message.ReplaceLineEndings(" "));
            }
        }
        return renewed;
    }

    private async Task<bool> RenewAsync(ArchivedFile file, DateTimeOffset expiry, ITimeStamper tsa, CancellationToken ct)
    {
        var temp = FileStore.TemporaryBeside(file.SignedPath, $"{file.Id:N}-renewal");
        File.Delete(temp);
        try
        {
            var result = await ltv.WriteCheckedAsync(file.SignedPath, temp, LtvLevel.LTA, tsa, ct);
            var sha256 = Sha256Of(temp);
            var path = FileStore.MoveToFreeName(temp, file.SignedPath);
            var detail = $"new document timestamp; the previous one holds until {expiry:yyyy-MM-dd} (its TSA certificate or hash algorithm); {Path.GetFileName(path)}"
                         + (result.Problems.Count > 0 ? $"; {string.Join("; ", result.Problems)}" : "");
            var recorded = await store.RecordRenewedAsync(file, path, sha256, detail, ct);
            if (recorded) LogRenewed(file.Id, path);
            return recorded;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    [LoggerMessage(LogLevel.Information, "Document {DocumentId}: archived file re-timestamped as {Path}")]
    private partial void LogRenewed(Guid documentId, string path);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: archived file could not be re-timestamped now: {Reason}")]
    private partial void LogFailed(Guid documentId, string reason);
}
