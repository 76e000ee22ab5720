namespace Worker.Configuration;

/// <summary><c>Worker:Mail</c>: how emails leave the worker.</summary>
public sealed class MailOptions
{
    /// <summary>The From address of every email.</summary>
    public string From { get; set; } = "TTE Sulbar <tte@example.go.id>";
    /// <summary>Folder of <c>.eml</c> files, used when <c>Smtp:Host</c> is empty.</summary>
    public string PickupDirectory { get; set; } = "data/outbox";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>The signed PDF is attached to the "filed" notice when it is at most this big.</summary>
    public long AttachSignedUpToBytes { get; set; } = 5L * 1024 * 1024;
    /// <summary>Domains a sidecar's submitterEmail may name; empty means the domains of the addresses configured here and in the routes.</summary>
    public List<string> SubmitterDomains { get; set; } = [];
    /// <summary>Operators' addresses, for warnings such as a signer certificate about to expire.</summary>
    public List<string> Operators { get; set; } = [];
}
