namespace Worker.Configuration;

/// <summary><c>Worker:Mail:Smtp</c>: an SMTP relay; an empty host means the pickup folder is used.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string User { get; set; } = "";
    /// <summary>File holding the SMTP password.</summary>
    public string PasswordFile { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
