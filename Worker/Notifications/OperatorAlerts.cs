using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Notifications;

/// <summary>Tells the operators (Worker:Mail:Operators) by email about something that needs a person; a mail failure is logged, the cause was logged already.</summary>
public sealed partial class OperatorAlerts(IMailSender mail, MailComposer composer, IOptions<MailOptions> mailOptions, ILogger<OperatorAlerts> logger)
{
    /// <summary>Sends to every operator, and to <paramref name="extra"/> (the official concerned) when given.</summary>
    public async Task SendAsync(string subject, string text, CancellationToken ct, string? extra = null)
    {
        var operators = extra is null ? mailOptions.Value.Operators : [.. mailOptions.Value.Operators, extra];
        if (operators.Count == 0) return;
        var content = new MailContent { Subject = subject, Text = text, Html = $"<pre>{System.Net.WebUtility.HtmlEncode(text)}</pre>" };
        try
        {
            await using var batch = await mail.OpenBatchAsync(ct);
            foreach (var to in operators) await batch.SendAsync(composer.Compose(content, to), ct);
        }
        catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException
                                   or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            LogNotSent(subject, e.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Operator alert '{Subject}' could not be sent: {Problem}")]
    private partial void LogNotSent(string subject, string problem);
}
