using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Notifications;

public static class NotificationsSetup
{
    /// <summary>The mail sender (SMTP, or the pickup folder when no host is set), the composer, the outbox delivery job and the operators' alerts and incidents.</summary>
    public static IServiceCollection AddNotificationServices(this IServiceCollection services)
    {
        services.AddSingleton<SmtpMailSender>();
        services.AddTransient<OperatorAlerts>();
        services.AddSingleton<PickupMailSender>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host.Length == 0
            ? sp.GetRequiredService<PickupMailSender>()
            : sp.GetRequiredService<SmtpMailSender>());
        services.AddSingleton<MailComposer>();
        services.AddTransient<ApprovalMailJob>();
        services.AddSingleton<OperatorIncidents>();
        return services;
    }

    /// <summary>The daemon's part: the mail health check and the operators' incident watch.</summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<MailHealthCheck>("mail");
        builder.Services.AddHostedService<IncidentWatch>();
        return builder;
    }
}
