namespace Worker.Persistence;

/// <summary>What an outbox row is, as stored in worker.outbox.kind.</summary>
public static class MailKind
{
    /// <summary>The first link to an approver (or a link resent by an operator).</summary>
    public const string Invite = "Invite";
    /// <summary>A reminder with a fresh link.</summary>
    public const string Reminder = "Reminder";
    /// <summary>Tells the submitter that an approver rejected the document.</summary>
    public const string Declined = "Declined";
    /// <summary>Tells the submitter that nobody answered in time.</summary>
    public const string Expired = "Expired";
    /// <summary>Tells the submitter that the document is signed and filed, with the verify link (and the file when small).</summary>
    public const string Filed = "Filed";
    /// <summary>Tells the submitter that an operator cancelled the document, with the operator's reason.</summary>
    public const string Cancelled = "Cancelled";
    /// <summary>Tells whoever dropped a file (the sidecar's email, else the route's Contact) that it was refused, and why.</summary>
    public const string Refused = "Refused";
    /// <summary>Tells the submitter that signing failed after its retries; operators are on it.</summary>
    public const string Failed = "Failed";

    /// <summary>Tells an official that a request went to their deputy; carries no link, so it cannot decide.</summary>
    public const string DelegatedCopy = "DelegatedCopy";

    /// <summary>Kinds that carry an approval link and so issue a token when sent.</summary>
    public static bool CarriesLink(string kind) => kind is Invite or Reminder;
}
