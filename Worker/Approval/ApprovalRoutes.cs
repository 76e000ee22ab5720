using MimeKit;
using Worker.Configuration;
using RouteOptions = Worker.Configuration.RouteOptions;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>The route settings approval needs for a document.</summary>
public static class ApprovalRoutes
{
    /// <summary>Who hears about a declined or expired document: its submitter, else the route's contact, else nobody.</summary>
    public static string Notify(ApprovalDocument document, RouteOptions? route) =>
        !string.IsNullOrWhiteSpace(document.SubmitterEmail) ? document.SubmitterEmail : route?.Contact ?? "";

    /// <summary>Who an approver should call about an unexpected request: the route's contact, else the sender address.</summary>
    public static string Contact(WorkerOptions options, RouteOptions? route) =>
        !string.IsNullOrWhiteSpace(route?.Contact) ? route.Contact : MailboxAddress.Parse(options.Mail.From).Address;

    public static IReadOnlyList<PlannedStep> Plan(RouteOptions route) =>
        route.Approvers.Select(a => new PlannedStep
        {
            Email = a.Email, Name = a.Name, Position = a.Position, Language = a.Language is "en" ? "en" : "id", Signer = a.Signer,
        }).ToList();

    public static TimeZoneInfo Zone(WorkerOptions options) => options.OfficeHours.Zone();
}
