using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Notifications;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>
/// Copies a declined (rejected or cancelled) or expired document's original into the route's declined folder with NAME.reason.txt beside it.
/// A Hangfire job by document id: safe to run twice; another document's file of the same name is never overwritten.
/// </summary>
public sealed partial class DeclinedFiling(
    ApprovalStore store, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<DeclinedFiling> logger)
{
    /// <summary>The reason written for a document nobody answered in time.</summary>
    public const string ExpiredReason = "kedaluwarsa / expired";

    // A full or read-only declined/ folder fails the job with the reason; it is retried, and the lifecycle sweep queues it again
    // after the last retry, so the copy lands once the folder takes files again.
    [Hangfire.AutomaticRetry(Attempts = 20, DelaysInSeconds = [10, 30, 60, 120, 300])]
    public async Task FileAsync(Guid documentId, CancellationToken ct)
    {
        var document = await store.DocumentAsync(documentId, ct);
        if (document is null || document.DeclinedPath is not null || document.State is not (DocumentState.Declined or DocumentState.Expired))
            return;
        var route = ApprovalRoutes.Find(options.Value, document.Route)
            ?? throw new InvalidOperationException($"route '{document.Route}' of document {documentId} is no longer configured; cannot file it as declined");
        var source = document.ContentPath ?? throw new InvalidOperationException($"document {documentId} has no stored original");
        var steps = await store.StepsAsync(documentId, ct);
        var (pdf, reasonFile) = Targets(route.Declined, document);
        try
        {
            // The reason first, then the PDF: a PDF in declined/ always has its reason beside it, and neither is ever half-written.
            await using (var reason = new MemoryStream(Encoding.UTF8.GetBytes(ReasonText(document, steps))))
                await WriteCompleteAsync(reason, reasonFile, overwrite: true, ct);
            await CopyOnceAsync(source, pdf, document.Sha256, ct);
        }
        catch (Exception e) when (FolderUnavailableException.IsFolderFault(e))
        {
            throw new FolderUnavailableException(route.Declined, e);
        }
        await store.RecordDeclinedCopyAsync(documentId, pdf, clock.GetUtcNow(), ct);
        LogFiled(documentId, pdf);
    }

    /// <summary>NAME.pdf and NAME.reason.txt; the document id is added to NAME when another document already took the name.</summary>
    private static (string Pdf, string Reason) Targets(string folder, ApprovalDocument d)
    {
        var stem = Path.GetFileNameWithoutExtension(d.SourceName);
        var ext = Path.GetExtension(d.SourceName) is { Length: > 0 } e ? e : ".pdf";
        var pdf = Path.Combine(folder, stem + ext);
        if (File.Exists(pdf) && !SameBytes(pdf, d.Sha256)) stem = $"{stem}-{d.Id:N}"[..(stem.Length + 9)];
        return (Path.Combine(folder, stem + ext), Path.Combine(folder, stem + ".reason.txt"));
    }

    private static async Task CopyOnceAsync(string source, string target, string sha256, CancellationToken ct)
    {
        if (File.Exists(target))
        {
            if (SameBytes(target, sha256)) return;
            throw new IOException($"{target} exists with other content; not overwriting it");
        }
        await using var input = File.OpenRead(source);
        await WriteCompleteAsync(input, target, overwrite: false, ct);
    }

    /// <summary>Writes beside the target, flushes, renames; a failure leaves no temporary file behind.</summary>
    private static async Task WriteCompleteAsync(Stream content, string target, bool overwrite, CancellationToken ct)
    {
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                await content.CopyToAsync(output, ct);
                output.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static bool SameBytes(string path, string sha256)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == sha256.ToLowerInvariant();
    }

    private string ReasonText(ApprovalDocument d, IReadOnlyList<ApprovalStep> steps)
    {
        var zone = ApprovalRoutes.Zone(options.Value);
        var rejected = steps.FirstOrDefault(s => s.State == StepState.Rejected);
        var expired = steps.FirstOrDefault(s => s.State == StepState.Expired);
        var b = new StringBuilder();
        if (d.State == DocumentState.Expired)
        {
            b.AppendLine("Dokumen kedaluwarsa / Document expired");
            if (expired is not null)
                b.AppendLine($"Menunggu / Waiting for: {Who(expired)}, sampai / until {LocalTime.Format(expired.TokenExpiresAt ?? d.ReceivedAt, zone, "id")}");
            b.AppendLine($"Alasan / Reason: {ExpiredReason}");
        }
        else if (rejected is null && d.Error is not null)
        {
            // Cancelled by an operator: nobody rejected it, the operator's reason is on the document.
            b.AppendLine("Dokumen dibatalkan / Document cancelled");
            b.AppendLine($"Alasan / Reason: {d.Error}");
        }
        else
        {
            b.AppendLine("Dokumen ditolak / Document rejected");
            if (rejected is not null)
            {
                b.AppendLine($"Oleh / By: {Who(rejected)}, {LocalTime.Format(rejected.DecidedAt ?? d.ReceivedAt, zone, "id")}");
                b.AppendLine($"Alasan / Reason: {rejected.Reason}");
            }
        }
        b.AppendLine($"Berkas / File: {d.SourceName}");
        b.AppendLine($"Judul / Title: {d.Title}");
        if (d.Number is not null) b.AppendLine($"Nomor / Number: {d.Number}");
        b.AppendLine($"SHA-256: {d.Sha256}");
        b.AppendLine($"Dokumen / Document id: {d.Id}");
        return b.ToString();
    }

    private static string Who(ApprovalStep s) => s.ApproverPosition.Length > 0 ? $"{s.ApproverName} ({s.ApproverPosition})" : s.ApproverName;

    [LoggerMessage(LogLevel.Information, "Document {DocumentId} filed as declined at {Path}")]
    private partial void LogFiled(Guid documentId, string path);
}
