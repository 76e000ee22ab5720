using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Notifications;

/// <summary>MailKit over SMTP with the configured security, login and timeout.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> mail) : IMailSender
{
    public Task<IMailBatch> OpenBatchAsync(CancellationToken ct) => Task.FromResult<IMailBatch>(new SmtpMailBatch(mail.Value.Smtp));
}
