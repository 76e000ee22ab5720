using MailKit.Security;
using Worker.Configuration;

namespace Worker.Notifications;

/// <summary>Maps the configured <see cref="SmtpSecurity"/> to MailKit's option.</summary>
public static class SmtpSocketOptions
{
    public static SecureSocketOptions For(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
