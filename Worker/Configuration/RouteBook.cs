using MimeKit;

namespace Worker.Configuration;

/// <summary>
/// The configured routes (Worker:Routes), looked up by name as everywhere (<see cref="RouteOptions.NameComparer"/>), and who
/// hears about a route's documents. Built over the bound options' own list, so it reads what they hold.
/// </summary>
public sealed class RouteBook(IReadOnlyList<RouteOptions> routes, MailOptions mail)
{
    /// <summary>The book of these options' routes and sender address.</summary>
    public RouteBook(WorkerOptions options) : this(options.Routes, options.Mail) { }

    /// <summary>Every route, in configuration order.</summary>
    public IReadOnlyList<RouteOptions> All => routes;

    /// <summary>The route of that name in any case; null when none.</summary>
    public RouteOptions? Find(string name) => routes.FirstOrDefault(r => RouteOptions.NameComparer.Equals(r.Name, name));

    /// <summary>Who hears about a declined or expired document of that route: its submitter, else the route's contact, else nobody ("").</summary>
    public string NotifyAddress(string route, string? submitterEmail) =>
        !string.IsNullOrWhiteSpace(submitterEmail) ? submitterEmail : Find(route)?.Contact ?? "";

    /// <summary>Who an approver should call about an unexpected request of that route: the route's contact, else the sender address.</summary>
    public string ContactFor(string route) =>
        Find(route)?.Contact is { } contact && !string.IsNullOrWhiteSpace(contact) ? contact : MailboxAddress.Parse(mail.From).Address;
}
