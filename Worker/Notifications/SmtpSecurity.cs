using MailKit.Security;

namespace Worker.Notifications;

/// <summary>Maps the configured security word to MailKit's option.</summary>
public static class SmtpSecurity
{
    public static SecureSocketOptions Parse(string value) => value switch
    {
        "None" => SecureSocketOptions.None,
        "StartTls" => SecureSocketOptions.StartTls,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
