using Microsoft.Extensions.Options;
using Npgsql;
using Worker.Configuration;
using Worker.Filing;
using Worker.Persistence;

namespace Worker.Intake;

/// <summary>
/// One file's way from the inbox to a recorded document: claim, examine, record, hand off or file as failed,
/// clear .processing. Every step after the claim can be run again after a crash and ends the same way.
/// </summary>
public sealed class IntakeProcessor(
    NpgsqlDataSource dataSource, FileClaimer claimer, ClaimExaminer examiner, DocumentStore store, ContentStore content,
    ClaimTrust trust, ClaimRecordStore records, ExamineAttempts attempts, TimeProvider clock,
    IOptions<OfficeHoursOptions> officeHours, ILogger<IntakeProcessor> logger)
{
    /// <summary>Claims a stable inbox file and records it; quietly does nothing when another worker was faster.</summary>
    public async Task TakeAsync(Candidate candidate, CancellationToken ct)
    {
        var route = candidate.Route;
        var id = Guid.CreateVersion7();
        // Locked before the ticket exists, so no recovery can mistake this claim for an abandoned one.
        await using var held = await DocumentLock.TryAcquireAsync(dataSource, id, ct)
                               ?? throw new InvalidOperationException($"the new document id {id} is locked already");
        var ticket = claimer.TryClaim(route, candidate.Path, id);
        if (ticket is null)
        {
            logger.Vanished(route.Name, Path.GetFileName(candidate.Path));
            return;
        }
        logger.Claimed(id, route.Name, ticket.SourceName);
        if (ticket.SidecarName is not null && ticket.SidecarRefusal is null) KeepSidecar(candidate.Path + InboxFilter.SidecarSuffix, ticket);
        await CompleteAsync(route, ticket, held, ct, fresh: true);
    }

    /// <summary>
    /// Takes an uploaded file as the locked document: claimed into .processing, then finished like a dropped file. Run again
    /// with the same id (a retried request), it finishes or reports what the first run recorded instead of making a second document.
    /// </summary>
    public async Task<RecordedDocument> TakeUploadAsync(IntakeUpload upload, DocumentLock held, CancellationToken ct)
    {
        var route = upload.Route;
        var id = held.DocumentId;
        if (await store.FindAsync(held.Connection, id, ct) is { } recorded)
        {
            // An earlier run recorded it and stopped before clearing its claim: finish that claim, not a new one.
            var left = ClaimTicket.Read(route.Ticket(id));
            var trusted = left is null ? null : await trust.VerifyAsync(held.Connection, route, id, left, left.ClaimedAt.UtcDateTime, ct);
            return trusted is null ? recorded : await CompleteAsync(route, trusted, held, ct);
        }
        var ticket = new ClaimTicket
        {
            Id = id, Route = route.Name, SourceName = FileNames.Plain(upload.SourceName), ClaimedAt = clock.GetUtcNow(), ClaimedBy = Environment.MachineName,
            SidecarName = upload.SidecarText is null ? null : FileNames.Plain(upload.SourceName + InboxFilter.SidecarSuffix),
            SidecarText = upload.SidecarText, ApiClient = upload.ApiClient,
        };
        // In the database before the file is in .processing, so a recovered claim's client never comes from the ticket.
        await records.RecordUploadAsync(held.Connection, id, upload.ApiClient, ct);
        await using (var stream = upload.Open()) await FileClaimer.ClaimUploadAsync(route, stream, ticket, ct);
        logger.Claimed(id, route.Name, ticket.SourceName);
        // Kept with the original bytes, as a dropped file's sidecar is.
        if (upload.SidecarText is not null) content.KeepSidecar(id, upload.SidecarText);
        return await CompleteAsync(route, ticket, held, ct, fresh: true);
    }

    /// <summary>Finishes a claim whose file is in .processing; the caller holds the document's lock. A <paramref name="fresh"/> claim has no row yet.</summary>
    public async Task<RecordedDocument> CompleteAsync(InboxRoute route, ClaimTicket ticket, DocumentLock held, CancellationToken ct, bool fresh = false)
    {
        route.OpenProcessing();
        var claimed = route.ClaimedPdf(ticket.Id);
        var recorded = fresh ? null : await store.FindAsync(held.Connection, ticket.Id, ct);
        if (recorded is null)
        {
            // Counted before the examination starts, so a file that crashes the process counts too.
            var before = attempts.Begin(ticket.Id);
            NewDocument document;
            if (before >= attempts.Max)
            {
                document = examiner.Quarantine(route, ticket, before);
                logger.Quarantined(ticket.Id, ticket.SourceName, before);
            }
            else document = await examiner.ExamineAsync(route, ticket, ct);
            recorded = await store.RecordAsync(held.Connection, document,
                earlier => IntakeProblem.Duplicate(earlier.Id, earlier.Title, earlier.State == DocumentState.Filed).Stored, ct);
            attempts.Clear(ticket.Id);
            logger.Recorded(ticket.Id, recorded.State.ToString(), ticket.SourceName, document.PageCount, document.Title);
        }

        if (RegularFile.Taken(claimed))
        {
            // Checked again right before files move: .processing may have been swapped for a link since the start.
            route.OpenProcessing();
            if (recorded.State is DocumentState.Invalid or DocumentState.Duplicate)
            {
                var problem = IntakeProblem.FromStored(recorded.Error ?? "");
                var failed = FailedFolder.Put(claimed, route.Failed, ticket.SourceName, ErrorText(ticket, recorded.State, problem, officeHours.Value.Zone()));
                // The clerk gets the sidecar back beside the PDF to fix and drop again: its text if it was read whole,
                // else the entry itself (a link stays a link, never read).
                if (ticket.SidecarRefusal is null && ticket.SidecarText is not null)
                    FailedFolder.WriteBeside(failed, InboxFilter.SidecarSuffix, ticket.SidecarText);
                else if (fresh && ticket.SidecarName is not null && ticket.ApiClient is null)
                    FailedFolder.MoveBeside(failed, InboxFilter.SidecarSuffix, FileNames.Inside(route.Inbox, ticket.SidecarName));
                logger.Refused(ticket.Id, ticket.SourceName, recorded.State.ToString(), problem.EnglishWithDetail, failed);
            }
            else if (IsOriginal(claimed, ticket.Id))
            {
                logger.ClaimIsOriginal(ticket.Id);
            }
            else
            {
                // The original bytes are in the content store (copied before the row was written); this is the claim's copy.
                File.Delete(claimed);
            }
        }
        File.Delete(route.Ticket(ticket.Id));
        return recorded;
    }

    /// <summary>
    /// What failed/NAME.error.txt says, as a clerk reads it: the file, when it came (office time zone), what happened and what to
    /// do; no document id, state name or parser detail (those are in the log and on the dashboard). Every value is one line.
    /// </summary>
    public static string ErrorText(ClaimTicket ticket, DocumentState state, IntakeProblem problem, TimeZoneInfo zone)
    {
        var name = FileNames.Plain(ticket.SourceName);
        var local = TimeZoneInfo.ConvertTime(ticket.ClaimedAt, zone);
        var at = $"{local:yyyy-MM-dd HH:mm} {TimeZoneLabel.Of(zone, local.Offset)}";
        var (outcome, outcomeEn) = state == DocumentState.Duplicate
            ? ("tidak diproses (duplikat)", "not processed (duplicate)")
            : ("ditolak, tidak diteruskan untuk ditandatangani", "refused, not sent for signing");
        return $"""
            Berkas   : {name}
            Diterima : {at}
            Hasil    : {outcome}

            Alasan: {PlainText.Clean(problem.Indonesian)}

            File: {name}
            Received: {at}
            Outcome: {outcomeEn}
            Reason: {PlainText.Clean(problem.English)}

            """;
    }

    // The same file as the stored original (a hard link planted in .processing): removing it would remove the original's name.
    private bool IsOriginal(string claimed, Guid id) =>
        UnixFile.LinkStatus(claimed) is { } a && UnixFile.LinkStatus(content.PdfPath(id)) is { } b && a.Device == b.Device && a.Inode == b.Inode;

    private void KeepSidecar(string source, ClaimTicket ticket)
    {
        // Its text as read is kept with the original bytes, written by the worker; the clerk's entry is then removed,
        // never moved, so nothing swapped in since the read is carried along (a move across file systems would copy a link's target).
        content.KeepSidecar(ticket.Id, ticket.SidecarText!);
        File.Delete(source);
    }
}
