namespace Worker.Configuration;

/// <summary><c>Worker:Mail</c>: how emails leave the worker.</summary>
public sealed class MailOptions
{
    /// <summary>The From address of every email.</summary>
    public string From { get; set; } = "TTE Sulbar <tte@example.go.id>";
    /// <summary>Folder of <c>.eml</c> files, used when <c>Smtp:Host</c> is empty.</summary>
    public string PickupDirectory { get; set; } = "data/outbox";
    public SmtpOptions Smtp { get; set; } = new();
}
