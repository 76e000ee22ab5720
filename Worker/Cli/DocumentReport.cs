using System.Globalization;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Cli;

/// <summary>Plain-text tables for <c>documents list</c> and <c>documents show</c>; times in the office time zone (WITA).</summary>
internal static class DocumentReport
{
    public static void WriteList(TextWriter o, IReadOnlyList<DocumentSummary> documents, TimeZoneInfo zone)
    {
        if (documents.Count == 0)
        {
            o.WriteLine("no documents");
            return;
        }
        var routeWidth = Math.Max(5, documents.Max(d => d.Route.Length));
        o.WriteLine($"{"ID",-36}  {"STATE",-16}  {"ROUTE".PadRight(routeWidth)}  {$"RECEIVED ({OfficeTime.Label(DateTimeOffset.UtcNow, zone)})",-16}  TITLE");
        foreach (var d in documents)
            o.WriteLine($"{d.Id,-36}  {d.State,-16}  {d.Route.PadRight(routeWidth)}  {Time(d.ReceivedAt, zone),-16}  {d.Title}");
    }

    public static void WriteDetails(TextWriter o, DocumentRecord d, IReadOnlyList<ApprovalStep> steps,
        IReadOnlyList<AuditEntry> history, TimeZoneInfo zone)
    {
        foreach (var (name, value) in new (string, string?)[]
                 {
                     ("Document", d.Id.ToString()), ("Title", d.Title), ("Number", d.Number), ("File", d.SourceName), ("Route", d.Route),
                     ("State", d.State.ToString()), ("Submitter", d.SubmitterEmail), ("Received", $"{Time(d.ReceivedAt, zone)} {OfficeTime.Label(d.ReceivedAt, zone)}"),
                     ("Last change", $"{Time(d.UpdatedAt, zone)} {OfficeTime.Label(d.UpdatedAt, zone)}"), ("SHA-256", d.Sha256), ("Error", d.Error),
                     ("Declined copy", d.DeclinedPath),
                 })
            o.WriteLine($"{name,-14}{value ?? "-"}");

        o.WriteLine();
        o.WriteLine(steps.Count == 0 ? "Steps: none yet" : "Steps:");
        foreach (var s in steps)
        {
            o.WriteLine($"  {s.Position}. {s.ApproverName} <{s.ApproverEmail}> ({s.ApproverPosition}): {s.State}");
            var asked = s.AskedAt is { } a ? $"asked {Time(a, zone)}, link until {Time(s.TokenExpiresAt, zone)}" : "not asked yet";
            var decided = s.DecidedAt is { } at ? $"; decided {Time(at, zone)}" + (s.Reason is null ? "" : $": {s.Reason}") : "";
            o.WriteLine($"     {asked}{decided}");
            o.WriteLine($"     email {Email(s, zone)}; {s.RemindersSent} reminder(s)");
        }

        o.WriteLine();
        o.WriteLine("History:");
        foreach (var e in history)
        {
            var source = e.Event.Source.Length > 0 ? $" [{e.Event.Source}]" : "";
            o.WriteLine($"  {Time(e.Event.At, zone, seconds: true)}  {e.Event.Actor}: {e.Event.Action}" +
                        (e.Event.Detail.Length > 0 ? $": {e.Event.Detail}" : "") + source);
        }
    }

    private static string Email(ApprovalStep s, TimeZoneInfo zone) => s.EmailState switch
    {
        "Sent" => $"Sent {Time(s.EmailSentAt, zone)}",
        "Failed" => $"Failed after {s.EmailAttempts} attempt(s): {s.EmailLastError}",
        var other => other,
    };

    private static string Time(DateTimeOffset? at, TimeZoneInfo zone, bool seconds = false) =>
        at is null ? "-" : TimeZoneInfo.ConvertTime(at.Value, zone).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
