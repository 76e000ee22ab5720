using System.Net.Mail;
using Worker.Configuration;
using RouteOptions = Worker.Configuration.RouteOptions;

namespace Worker.Intake;

/// <summary>
/// Who dropped a file, so its notices (filed, declined, refused, expired) reach them: the sidecar's email, else the person
/// the file owner's uid maps to (Routes:N:Submitters), else the unit whose subfolder it was dropped in; the route's Contact
/// is the fallback downstream. The uid comes from the kernel and cannot be typed; a sidecar can, so its address must be in
/// the organisation's domains (Mail:SubmitterDomains, else those of the configured addresses): a notice carries the title,
/// number and outcome, and a file dropped on a share must not send them, or the worker's mail, to any address outside.
/// </summary>
public static class Dropper
{
    /// <summary>The address for a file dropped in <paramref name="inbox"/>, owned by <paramref name="owner"/>; empty means the Contact.</summary>
    public static string Address(InboxRoute inbox, RouteBook routes, MailOptions mail, uint? owner, string? sidecarEmail)
    {
        if (!string.IsNullOrWhiteSpace(sidecarEmail) && Allowed(sidecarEmail, routes, mail)) return sidecarEmail.Trim();
        var route = routes.Find(inbox.Name);
        if (owner is { } uid && route?.Submitters.FirstOrDefault(s => s.Uid == uid) is { } person) return person.Email.Trim();
        return inbox.UnitEmail ?? "";
    }

    /// <summary>True when <paramref name="email"/> is in one of the organisation's domains.</summary>
    public static bool Allowed(string email, RouteBook routes, MailOptions mail) =>
        MailAddress.TryCreate(email.Trim(), out var address) && Domains(routes, mail).Contains(address.Host);

    /// <summary>Mail:SubmitterDomains, else the domains of Mail:From, the operators and every route's contact, units, submitters and approvers.</summary>
    public static IReadOnlySet<string> Domains(RouteBook routes, MailOptions mail)
    {
        IEnumerable<string> configured = mail.SubmitterDomains.Count > 0
            ? mail.SubmitterDomains
            : new[] { mail.From }.Concat(mail.Operators).Concat(routes.All.SelectMany(Addresses)).Select(Domain);
        return configured.Where(d => d.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Addresses(RouteOptions r) =>
        new[] { r.Contact }.Concat(r.Units.Select(u => u.Email)).Concat(r.Submitters.Select(s => s.Email)).Concat(r.Approvers.Select(a => a.Email));

    // "TTE Sulbar <tte@example.go.id>" and "tte@example.go.id" both give example.go.id.
    private static string Domain(string address) =>
        MailAddress.TryCreate(address.Trim(), out var parsed) ? parsed.Host : "";
}
