using Npgsql;
using Worker.Filing;
using Worker.Persistence;

namespace Worker.Intake;

/// <summary>
/// Finds claims a crashed worker left in .processing and finishes them: records the file if the crash came before
/// the insert, hands it off if it came before the enqueue, clears it either way. Claims a live worker holds are skipped.
/// </summary>
public sealed class ClaimReconciler(NpgsqlDataSource dataSource, IntakeProcessor processor, ClaimTrust trust, ILogger<ClaimReconciler> logger)
{
    public async Task ReconcileAsync(InboxRoute route, CancellationToken ct)
    {
        HashSet<Guid> ids;
        try
        {
            route.OpenProcessing();
            ids = ClaimIds(route);
        }
        catch (UnsafeFolderException e)
        {
            // A link in place of .processing could point at the content store: nothing in it is ours to complete.
            logger.UnsafeFolder(route.Name, e.Message);
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.InboxUnreadable(route.Name, e.Message);
            return;
        }
        foreach (var id in ids)
        {
            await using var held = await DocumentLock.TryAcquireAsync(dataSource, id, ct);
            if (held is null) continue;
            var ticketPath = route.Ticket(id);
            var claimed = route.ClaimedPdf(id);
            if (!RegularFile.Taken(claimed))
            {
                // The rename never happened (the file is still in the inbox, or the upload's client got no answer and retries)
                // or the claim had finished: the ticket and any half-written upload are spent.
                File.Delete(ticketPath);
                File.Delete(ticketPath + ClaimTicket.TemporarySuffix);
                File.Delete(claimed + FileClaimer.UploadSuffix);
                continue;
            }
            var ticket = await trust.VerifyAsync(
                held.Connection, route, id, ClaimTicket.Read(ticketPath), File.GetLastWriteTimeUtc(claimed), ct);
            if (ticket is null)
            {
                logger.ForeignClaim(id, route.Name);
                continue;
            }
            logger.Resuming(id, ticket.SourceName, route.Name);
            try
            {
                await processor.CompleteAsync(route, ticket, held, ct);
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                // Left in .processing: the next rescan tries again, and the error is in the log for an operator.
                logger.ClaimFailed(e, id, ticket.SourceName);
            }
        }
    }

    // Ids named by claimed files or tickets; anything else in .processing is not ours and is left alone.
    private static HashSet<Guid> ClaimIds(InboxRoute route)
    {
        var ids = new HashSet<Guid>();
        foreach (var path in Directory.EnumerateFiles(route.Processing))
        {
            var name = Path.GetFileName(path);
            var stem = name.EndsWith(ClaimTicket.Suffix, StringComparison.Ordinal) ? name[..^ClaimTicket.Suffix.Length]
                : name.EndsWith(ClaimTicket.Suffix + ClaimTicket.TemporarySuffix, StringComparison.Ordinal)
                    ? name[..^(ClaimTicket.Suffix.Length + ClaimTicket.TemporarySuffix.Length)]
                : name.EndsWith(".pdf", StringComparison.Ordinal) ? name[..^4]
                : name.EndsWith(".pdf" + FileClaimer.UploadSuffix, StringComparison.Ordinal) ? name[..^(4 + FileClaimer.UploadSuffix.Length)]
                : null;
            if (stem is not null && Guid.TryParse(stem, out var id)) ids.Add(id);
        }
        return ids;
    }
}
