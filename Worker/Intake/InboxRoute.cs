using RouteOptions = Worker.Configuration.RouteOptions;

namespace Worker.Intake;

/// <summary>One route's folders as intake uses them, with full paths.</summary>
/// <param name="Name">The route name.</param>
/// <param name="Inbox">The watched folder.</param>
/// <param name="Processing">inbox/.processing: claimed files, named by document id.</param>
/// <param name="Failed">Where refused files go.</param>
/// <param name="Filter">Which names in the inbox are taken.</param>
public sealed record InboxRoute(string Name, string Inbox, string Processing, string Failed, InboxFilter Filter)
{
    public const string ProcessingFolder = ".processing";

    /// <summary>The route's folders; creates .processing, which lives on the inbox's file system so the claim is one rename.</summary>
    public static InboxRoute Open(RouteOptions route)
    {
        var inbox = Path.GetFullPath(route.Inbox);
        var processing = Path.Combine(inbox, ProcessingFolder);
        Directory.CreateDirectory(processing);
        return new InboxRoute(route.Name, inbox, processing, Path.GetFullPath(route.Failed), InboxFilter.For(route));
    }

    /// <summary>The claimed copy of a document.</summary>
    public string ClaimedPdf(Guid id) => Path.Combine(Processing, $"{id}.pdf");

    /// <summary>The claim ticket beside it.</summary>
    public string Ticket(Guid id) => Path.Combine(Processing, $"{id}{ClaimTicket.Suffix}");
}
