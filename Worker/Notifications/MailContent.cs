namespace Worker.Notifications;

/// <summary>A rendered email, before it gets its envelope.</summary>
public sealed record MailContent
{
    /// <summary>The subject line.</summary>
    public required string Subject { get; init; }
    /// <summary>The plain-text body.</summary>
    public required string Text { get; init; }
    /// <summary>The HTML body, same content as the text.</summary>
    public required string Html { get; init; }
    /// <summary>Files to attach (the signed PDF on a "filed" notice), by path.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
}
