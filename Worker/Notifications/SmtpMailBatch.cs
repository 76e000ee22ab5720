using MailKit.Net.Smtp;
using MimeKit;
using Worker.Configuration;

namespace Worker.Notifications;

/// <summary>One SMTP connection, opened on the first message and reused for the rest.</summary>
public sealed class SmtpMailBatch(SmtpOptions smtp) : IMailBatch
{
    private SmtpClient? client;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            var connected = await ConnectAsync(ct);
            await connected.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not SmtpCommandException)
        {
            // A refused message leaves the connection usable; anything else may have broken it, so the next message reconnects.
            await DropAsync();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        if (client is { IsConnected: true }) return client;
        client?.Dispose();
        client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, SmtpSocketOptions.For(smtp.Security), ct);
        if (smtp.User.Length > 0)
        {
            var password = smtp.PasswordFile.Length > 0 ? (await File.ReadAllLinesAsync(smtp.PasswordFile, ct)).FirstOrDefault()?.Trim() ?? "" : "";
            await client.AuthenticateAsync(smtp.User, password, ct);
        }
        return client;
    }

    private async Task DropAsync()
    {
        if (client is null) return;
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(false, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.ProtocolException)
        {
            // Already broken; disposing below is all that is left to do.
        }
        client.Dispose();
        client = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (client is { IsConnected: true })
        {
            try { await client.DisconnectAsync(true, CancellationToken.None); }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException)
            {
                // Every message was already accepted; a failed QUIT loses nothing.
            }
        }
        client?.Dispose();
        client = null;
    }
}
