using Worker.Filing;
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

    /// <summary>The route's folders; creates .processing (0700), which lives on the inbox's file system so the claim is one rename.</summary>
    public static InboxRoute Open(RouteOptions route)
    {
        var inbox = Path.GetFullPath(route.Inbox);
        var processing = Path.Combine(inbox, ProcessingFolder);
        if (!RegularFile.Taken(processing)) FileModes.CreatePrivateFolder(processing);
        return new InboxRoute(route.Name, inbox, processing, Path.GetFullPath(route.Failed), InboxFilter.For(route));
    }

    /// <summary>
    /// Re-creates .processing when someone removed it, then checks that it and the inbox are real folders the worker owns:
    /// one swapped for a link (to the content store, say) must never have its files "completed". Throws when they are not.
    /// </summary>
    public void OpenProcessing()
    {
        if (!RegularFile.Taken(Processing)) FileModes.CreatePrivateFolder(Processing);
        if (FolderProblem() is { } problem) throw new UnsafeFolderException(problem);
    }

    /// <summary>What is wrong with the inbox or .processing right now, or null.</summary>
    public string? FolderProblem() => FolderCheck.Problem(Inbox) ?? FolderCheck.Problem(Processing);

    /// <summary>The claimed copy of a document.</summary>
    public string ClaimedPdf(Guid id) => Path.Combine(Processing, $"{id}.pdf");

    /// <summary>The claim ticket beside it.</summary>
    public string Ticket(Guid id) => Path.Combine(Processing, $"{id}{ClaimTicket.Suffix}");
}
