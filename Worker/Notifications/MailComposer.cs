using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using Worker.Configuration;

namespace Worker.Notifications;

/// <summary>Puts rendered content into a proper message: From, To, Date, a Message-ID of our domain, text and HTML alternatives.</summary>
public sealed class MailComposer(IOptions<MailOptions> mail, TimeProvider clock)
{
    public MimeMessage Compose(MailContent content, string to)
    {
        var from = MailboxAddress.Parse(mail.Value.From);
        var message = new MimeMessage
        {
            Subject = content.Subject,
            Date = clock.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(from.Domain),
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        // Tells vacation responders and mail loops to stay quiet.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        var body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html };
        foreach (var path in content.Attachments) body.Attachments.Add(path);
        message.Body = body.ToMessageBody();
        // Quoted-printable or base64 where needed, so any relay takes it unchanged.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }
}
