using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Notifications;

public static class NotificationsSetup
{
    /// <summary>The mail sender (SMTP, or the pickup folder when no host is set), the composer, the outbox delivery job, the mail health check and the operators' incident watch.</summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SmtpMailSender>();
        builder.Services.AddTransient<OperatorAlerts>();
        builder.Services.AddSingleton<PickupMailSender>();
        builder.Services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host.Length == 0
            ? sp.GetRequiredService<PickupMailSender>()
            : sp.GetRequiredService<SmtpMailSender>());
        builder.Services.AddSingleton<MailComposer>();
        builder.Services.AddTransient<ApprovalMailJob>();
        builder.Services.AddHealthChecks().AddCheck<MailHealthCheck>("mail");
        builder.Services.AddSingleton<OperatorIncidents>();
        builder.Services.AddHostedService<IncidentWatch>();
        return builder;
    }
}
