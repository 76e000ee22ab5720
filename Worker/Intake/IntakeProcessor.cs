using Npgsql;
using Worker.Filing;
using Worker.Persistence;

namespace Worker.Intake;

/// <summary>
/// One file's way from the inbox to a recorded document: claim, examine, record, hand off or file as failed,
/// clear .processing. Every step after the claim can be run again after a crash and ends the same way.
/// </summary>
public sealed class IntakeProcessor(
    NpgsqlDataSource dataSource, FileClaimer claimer, ClaimExaminer examiner, DocumentStore store, ContentStore content,
    ApprovalHandOff handOff, TimeProvider clock, ILogger<IntakeProcessor> logger)
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
        if (ticket.SidecarName is not null) MoveSidecar(route, ticket);
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
            var left = File.Exists(route.Ticket(id)) ? ClaimTicket.Read(route.Ticket(id)) : null;
            return left is null ? recorded : await CompleteAsync(route, left, held, ct);
        }
        var ticket = new ClaimTicket
        {
            Id = id, Route = route.Name, SourceName = upload.SourceName, ClaimedAt = clock.GetUtcNow(), ClaimedBy = Environment.MachineName,
            SidecarName = upload.SidecarText is null ? null : upload.SourceName + InboxFilter.SidecarSuffix,
            SidecarText = upload.SidecarText, ApiClient = upload.ApiClient,
        };
        await using (var stream = upload.Open()) await FileClaimer.ClaimUploadAsync(route, stream, ticket, ct);
        logger.Claimed(id, route.Name, ticket.SourceName);
        // Kept with the original bytes, as a dropped file's sidecar is.
        if (upload.SidecarText is not null) await File.WriteAllTextAsync(content.SidecarPath(id), upload.SidecarText, ct);
        return await CompleteAsync(route, ticket, held, ct, fresh: true);
    }

    /// <summary>Finishes a claim whose file is in .processing; the caller holds the document's lock. A <paramref name="fresh"/> claim has no row yet.</summary>
    public async Task<RecordedDocument> CompleteAsync(InboxRoute route, ClaimTicket ticket, DocumentLock held, CancellationToken ct, bool fresh = false)
    {
        var claimed = route.ClaimedPdf(ticket.Id);
        var recorded = fresh ? null : await store.FindAsync(held.Connection, ticket.Id, ct);
        if (recorded is null)
        {
            var document = await examiner.ExamineAsync(route, ticket, ct);
            recorded = await store.RecordAsync(held.Connection, document,
                earlier => IntakeProblem.Duplicate(earlier.Id, earlier.Title, earlier.State.ToString()).Stored, ct);
            logger.Recorded(ticket.Id, recorded.State.ToString(), ticket.SourceName, document.PageCount, document.Title);
        }

        if (recorded.State == DocumentState.Received && recorded.ApprovalJobId is null)
            await handOff.EnqueueAsync(held.Connection, ticket.Id, auditAction: null, ct);

        if (Exists(claimed))
        {
            if (recorded.State is DocumentState.Invalid or DocumentState.Duplicate)
            {
                var problem = IntakeProblem.FromStored(recorded.Error ?? "");
                var failed = FailedFolder.Put(claimed, route.Failed, ticket.SourceName, ErrorText(ticket, recorded.State.ToString(), problem));
                // The clerk gets the sidecar back beside the PDF to fix and drop again.
                if (ticket.SidecarText is not null) FailedFolder.WriteBeside(failed, InboxFilter.SidecarSuffix, ticket.SidecarText);
                logger.Refused(ticket.Id, ticket.SourceName, recorded.State.ToString(), problem.English, failed);
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

    /// <summary>What failed/NAME.error.txt says.</summary>
    public static string ErrorText(ClaimTicket ticket, string state, IntakeProblem problem) =>
        $"""
        Berkas   : {ticket.SourceName}
        Dokumen  : {ticket.Id}
        Status   : {state}
        Diterima : {ticket.ClaimedAt:yyyy-MM-dd HH:mm:ss} UTC

        Alasan: {problem.Indonesian}

        File: {ticket.SourceName}
        Reason: {problem.English}

        """;

    // A link counts as present even when its target is gone.
    private static bool Exists(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private void MoveSidecar(InboxRoute route, ClaimTicket ticket)
    {
        var source = Path.Combine(route.Inbox, ticket.SidecarName!);
        try
        {
            // Kept with the original bytes; the ticket holds its text for the rest of the claim.
            File.Move(source, content.SidecarPath(ticket.Id), overwrite: true);
        }
        catch (FileNotFoundException)
        {
            // Gone since it was read: the text in the ticket is what counts.
        }
    }
}
