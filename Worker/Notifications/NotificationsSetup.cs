namespace Worker.Notifications;

public static class NotificationsSetup
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<MailHealthCheck>("mail");
        return builder;
    }
}
