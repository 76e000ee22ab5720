using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using Microsoft.Extensions.Options;
using Worker.Approval;
using Worker.Configuration;
using RouteOptions = Worker.Configuration.RouteOptions;
using Worker.Filing;
using Worker.Metrics;
using Worker.Persistence;

namespace Worker.Signing;

/// <summary>
/// Signs an approved document (each approver in turn with SignEach, else the last), verifies it, and files it in the
/// archive. Safe to run again after a crash at any point: the target is recorded before the rename, so a rerun finds it.
/// </summary>
public sealed partial class SignAndFileJob(
    SigningStore store, SigningPort port, PresignedOutputs presigned, LtvStep ltv, NpgsqlDataSource dataSource,
    FirstPageRenderer pageImage, WorkerMetrics metrics, RouteBook routes, IOptions<OfficeHoursOptions> officeHours,
    TimeProvider clock, ILogger<SignAndFileJob> logger) : ISigningStarter
{
    public async Task SignAsync(Guid documentId, CancellationToken ct)
    {
        // Two runs for one document (a duplicate enqueue, a manual retry racing a scheduled one) would file it twice.
        await using var held = await LockAsync(documentId, ct);
        var document = await store.LoadAsync(documentId, ct) ?? throw new InvalidOperationException($"document {documentId} does not exist");
        var route = routes.Find(document.Route)
            ?? throw new InvalidOperationException($"route '{document.Route}' of document {documentId} is no longer configured");
        // Intake already moved the claimed file into the content store; the original stays there for good.
        if (document.State is not (DocumentState.Approved or DocumentState.Failed) || document.ApprovedSteps.Count == 0
            || document.ApprovedSteps.Count < document.StepCount)
        {
            LogNothingToSign(documentId, document.State);
            return;
        }
        // Only an operator's requeue from Hangfire's Failed list runs this for a Failed document: it is Approved again first.
        if (document.State == DocumentState.Failed) await store.ResumeRequeuedAsync(documentId, clock.GetUtcNow(), ct);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var signing = route.SignEach ? document.ApprovedSteps : [document.ApprovedSteps[^1]];
            var (path, sha256) = await ArchiveAsync(document, route, signing, ct);
            // Before Filed is recorded, so the /verify page of a filed document has its image unless rendering failed.
            await pageImage.RenderAsync(documentId, path, ct);
            var notify = document.SubmitterEmail.Length > 0 ? document.SubmitterEmail : route.Contact;
            if (await store.MarkFiledAsync(documentId, path, sha256, signing, notify, clock.GetUtcNow(), ct))
            {
                metrics.SigningDuration.WithLabels(route.Name).Observe(stopwatch.Elapsed.TotalSeconds);
                LogFiled(documentId, path);
                presigned.Forget(documentId);
            }
        }
        catch (Exception e) when (FolderUnavailableException.IsFolderFault(e))
        {
            // A full or read-only archive: nothing was filed (temporaries are removed); retried until it takes files again.
            var folder = Path.GetDirectoryName(ArchivePath.Resolve(route.Archive, DateTime.Now, document.SourceName, document.Id)) ?? route.Archive;
            var fault = new FolderUnavailableException(folder, e);
            await store.RecordErrorAsync(documentId, OneLine(fault), CancellationToken.None);
            throw fault;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.RecordErrorAsync(documentId, OneLine(e), CancellationToken.None);
            throw;
        }
    }

    /// <summary>The document's lock; a run that finds it taken waits a little for the other to finish, then gives up (and is retried).</summary>
    private async Task<DocumentLock> LockAsync(Guid documentId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await DocumentLock.TryAcquireAsync(dataSource, documentId, ct) is { } held) return held;
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
        throw new InvalidOperationException($"document {documentId} is being signed by another worker right now");
    }

    private async Task<(string Path, string Sha256)> ArchiveAsync(
        SigningDocument document, RouteOptions route, IReadOnlyList<SigningStep> signing, CancellationToken ct)
    {
        // A previous run renamed the signed file into place and stopped before recording Filed.
        if (document.SignedPath is { } earlier && File.Exists(earlier) && Sha256Of(earlier) == document.SignedSha256)
            return (earlier, document.SignedSha256);

        var wita = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), officeHours.Value.Zone());
        var target = ArchivePath.Resolve(route.Archive, wita.DateTime, document.SourceName, document.Id);
        var temporaries = new List<string>();
        try
        {
            var input = document.ContentPath;
            for (var i = 0; i < signing.Count; i++)
            {
                // Fixed names per document: a rerun overwrites its own leftovers instead of piling up temp files.
                var output = FileStore.TemporaryBeside(target, $"{document.Id:N}-{i}");
                temporaries.Add(output);
                await SignOnceAsync(input, output, document.Id, signing[i], i, route, ct);
                input = output;
            }
            var augmented = FileStore.TemporaryBeside(target, $"{document.Id:N}-ltv");
            temporaries.Add(augmented);
            input = await ltv.AugmentAsync(input, augmented, route, document.Id, ct);
            // An independent reader must find what we file no worse than what the approver saw (every signature, DSS, timestamp).
            await OutputCheck.EnsureNoWorseAsync(document.ContentPath, input, ct);
            var sha256 = Sha256Of(input);
            var free = FileStore.FirstFreeName(target);
            await store.RecordTargetAsync(document.Id, free, sha256, ct);
            var final = FileStore.MoveToFreeName(input, free);
            if (final != free) await store.RecordTargetAsync(document.Id, final, sha256, ct);
            return (final, sha256);
        }
        finally
        {
            foreach (var t in temporaries) File.Delete(t);
        }
    }

    private Task SignOnceAsync(string input, string output, Guid id, SigningStep step, int index, RouteOptions route, CancellationToken ct)
    {
        var request = new SigningRequest
        {
            DocumentId = id, Step = step, StampIndex = index, Stamp = route.Stamp, InputPath = input, OutputPath = output,
        };
        // A signer with a personal secret signed during the approval request; the port checks that output like any other.
        return presigned.Find(id, step.Position) is { } signed ? port.AdoptAsync(request, signed, ct) : port.SignAsync(request, ct);
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ");

    [LoggerMessage(LogLevel.Information, "Document {DocumentId} signed and filed at {Path}")]
    private partial void LogFiled(Guid documentId, string path);

    [LoggerMessage(LogLevel.Information, "Document {DocumentId} is {State}: nothing to sign")]
    private partial void LogNothingToSign(Guid documentId, DocumentState state);
}
