using Worker.Configuration;
using RouteOptions = Worker.Configuration.RouteOptions;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>The route settings approval needs for a document.</summary>
public static class ApprovalRoutes
{
    /// <summary>Who the pages name as the sender: the submitter, else the route's unit, else a dash.</summary>
    public static string Sender(RouteBook routes, DocumentRecord document) =>
        !string.IsNullOrWhiteSpace(document.SubmitterEmail) ? document.SubmitterEmail
        : routes.Find(document.Route)?.Unit is { } unit && !string.IsNullOrWhiteSpace(unit) ? unit : "—";

    public static IReadOnlyList<PlannedStep> Plan(RouteOptions route) =>
        route.Approvers.Select(a => new PlannedStep
        {
            Email = a.Email, Name = a.Name, Position = a.Position, Language = a.Language is "en" ? "en" : "id", Signer = a.Signer,
        }).ToList();
}
