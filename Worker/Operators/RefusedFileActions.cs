using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Intake;
using Worker.Persistence;

namespace Worker.Operators;

/// <summary>
/// What operators may do with a refused file in a route's failed/ folder, from the dashboard or the command line: send it back to
/// the inbox for a new try ("Kirim ulang"), or set it aside as dealt with ("Selesai"). Each is audited with their name.
/// </summary>
public sealed partial class RefusedFileActions(
    RouteBook routes, IOptions<OfficeHoursOptions> officeHours, AuditLog audit, TimeProvider clock, ILogger<RefusedFileActions> logger)
{
    /// <summary>The most files listed per route.</summary>
    public const int ListLimit = 100;

    // A refused file's sidecar travels with it.
    private static readonly string[] Beside = [InboxFilter.SidecarSuffix];

    /// <summary>Every route's refused files, newest first within a route.</summary>
    public IReadOnlyList<(string Route, RefusedFile File)> List() =>
        routes.All.SelectMany(r => RefusedFiles.List(r.Failed, Beside, ListLimit).Select(f => (r.Name, f))).ToList();

    /// <summary>Moves the file back into its route's inbox, where intake takes it again as a new document.</summary>
    public Task<OperatorResult> ResubmitAsync(string route, string name, OperatorIdentity who, CancellationToken ct) =>
        ActAsync(route, name, who, "refused-file-resubmitted", "dikirim ulang ke inbox / sent back to the inbox", ct, (r, note) =>
        {
            var inInbox = RefusedFiles.Resubmit(r.Failed, name, r.Inbox, Beside, note);
            return $"{name} is back in the inbox of {r.Name}" + (inInbox == name ? "" : $" as {inInbox}") + "; its reason is kept in failed/.handled";
        });

    /// <summary>Moves the file, its reason and its sidecar into failed/.handled: dealt with, kept, no longer listed.</summary>
    public Task<OperatorResult> SetAsideAsync(string route, string name, OperatorIdentity who, CancellationToken ct) =>
        ActAsync(route, name, who, "refused-file-handled", "ditandai selesai / marked as dealt with", ct, (r, note) =>
        {
            RefusedFiles.SetAside(r.Failed, name, Beside, note);
            return $"{name} of {r.Name} marked as dealt with; it and its reason are kept in failed/.handled";
        });

    private async Task<OperatorResult> ActAsync(string route, string name, OperatorIdentity who, string action, string what, CancellationToken ct,
        Func<Configuration.RouteOptions, string, string> act)
    {
        var r = routes.Find(route);
        if (r is null) return OperatorResult.NotAllowed($"no route '{PlainText.Clean(route)}'");
        var at = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), officeHours.Value.Zone());
        var note = $"{what}: {who.Name}, {at:yyyy-MM-dd HH:mm zzz}";
        string message;
        try
        {
            message = act(r, note);
        }
        catch (FileNotFoundException)
        {
            return OperatorResult.NotAllowed($"no refused file '{PlainText.Clean(name)}' in the failed folder of {r.Name} (dealt with already?)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OperatorResult.NotAllowed($"{PlainText.Clean(name)} of {r.Name} could not be moved: {e.Message}");
        }
        await audit.AppendAsync(audit.Event(null, who.Name, action, $"{r.Name}/{name}: {message}", who.Source), ct);
        LogActed(r.Name, name, action, who.Name);
        return OperatorResult.Done(message);
    }

    [LoggerMessage(LogLevel.Information, "Refused file {Route}/{Name}: {Action} by {Actor}")]
    private partial void LogActed(string route, string name, string action, string actor);
}
