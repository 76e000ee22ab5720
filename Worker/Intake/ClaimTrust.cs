using Npgsql;
using Worker.Filing;
using Worker.Persistence;

namespace Worker.Intake;

/// <summary>
/// Turns a claim ticket read back from .processing into one the worker may act on: a clerk can write that folder, so
/// the route is the folder's own, the name and API client come from the database when it knows them, and every name is plain.
/// </summary>
public sealed class ClaimTrust(ClaimRecordStore records)
{
    /// <summary>The ticket to complete the claim with; null when the document belongs to another route (not this folder's to finish).</summary>
    public async Task<ClaimTicket?> VerifyAsync(NpgsqlConnection connection, InboxRoute route, Guid id, ClaimTicket? ticket, DateTime claimedAt, CancellationToken ct)
    {
        var known = await records.FindAsync(connection, id, ct);
        if (known.Recorded && known.Route != route.Name) return null;
        var basis = ticket ?? new ClaimTicket { Id = id, Route = route.Name, SourceName = $"{id}.pdf", ClaimedAt = claimedAt };
        return basis with
        {
            Id = id,
            Route = route.Name,
            SourceName = known.SourceName ?? FileNames.Plain(basis.SourceName),
            SidecarName = basis.SidecarName is null ? null : FileNames.Plain(basis.SidecarName),
            ClaimedBy = PlainText.Clean(basis.ClaimedBy),
            ApiClient = known.ApiClient,
        };
    }
}
