namespace Worker.Configuration;

/// <summary>The values of <c>Worker:Mail:Smtp:Security</c>, bound case-insensitively; Notifications maps them to MailKit's options.</summary>
[System.ComponentModel.TypeConverter(typeof(EnumNameConverter<SmtpSecurity>))]
public enum SmtpSecurity
{
    /// <summary>Plain SMTP, no TLS (a relay on this machine or a test server).</summary>
    None,
    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
    /// <summary>Whatever MailKit chooses for the port.</summary>
    Auto,
}
