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

    /// <summary>For a unit's subfolder, the unit's address: notices of files dropped there go to it.</summary>
    public string? UnitEmail { get; init; }

    /// <summary>For the route's own inbox, the names of its unit subfolders, which are watched as inboxes of their own.</summary>
    public IReadOnlySet<string> UnitFolders { get; init; } = new HashSet<string>();

    /// <summary>The route's folders; creates .processing (0700), which lives on the inbox's file system so the claim is one rename.</summary>
    public static InboxRoute Open(RouteOptions route)
    {
        var inbox = Path.GetFullPath(route.Inbox);
        var processing = Path.Combine(inbox, ProcessingFolder);
        if (!RegularFile.Taken(processing)) FileModes.CreatePrivateFolder(processing);
        return new InboxRoute(route.Name, inbox, processing, Path.GetFullPath(route.Failed), InboxFilter.For(route));
    }

    /// <summary>The route's inbox and one inbox per unit subfolder, each with its own .processing (a claim is one rename inside its folder).</summary>
    public static IEnumerable<InboxRoute> OpenAll(RouteOptions route)
    {
        var main = Open(route);
        yield return main with { UnitFolders = route.Units.Select(u => u.Folder).ToHashSet(StringComparer.Ordinal) };
        foreach (var unit in route.Units)
        {
            var inbox = Path.Combine(main.Inbox, unit.Folder);
            var processing = Path.Combine(inbox, ProcessingFolder);
            // Never created through a link: a unit folder swapped for one is refused at every claim (OpenProcessing).
            if (FolderCheck.Problem(inbox) is null && !RegularFile.Taken(processing)) FileModes.CreatePrivateFolder(processing);
            yield return main with { Inbox = inbox, Processing = processing, UnitEmail = unit.Email.Trim() };
        }
    }

    /// <summary>
    /// Re-creates .processing when someone removed it, then checks that it and the inbox are real folders the worker owns:
    /// one swapped for a link (to the content store, say) must never have its files "completed". Throws when they are not.
    /// </summary>
    public void OpenProcessing()
    {
        // The inbox first, so .processing is never created through a link (a unit folder swapped for one).
        if (FolderCheck.Problem(Inbox) is { } inbox) throw new UnsafeFolderException(inbox);
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
