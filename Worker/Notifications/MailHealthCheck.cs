using MailKit.Net.Smtp;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Dashboard;
using Worker.Filing;

namespace Worker.Notifications;

/// <summary>Ready only while mail can leave: the SMTP server answers, or the pickup folder takes files.</summary>
public sealed class MailHealthCheck(IOptions<MailOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var mail = options.Value;
        if (mail.Smtp.Host.Length == 0)
        {
            PickupMailSender.CreateFolder(mail.PickupDirectory);
            return WritableFolder.Problem(mail.PickupDirectory) is { } problem
                ? HealthCheckResult.Unhealthy($"pickup folder: {problem}")
                : HealthCheckResult.Healthy($"pickup folder {Path.GetFullPath(mail.PickupDirectory)} writable");
        }
        try
        {
            using var client = new SmtpClient { Timeout = (int)Math.Min(mail.Smtp.Timeout.TotalMilliseconds, 10_000) };
            await client.ConnectAsync(mail.Smtp.Host, mail.Smtp.Port, SmtpSocketOptions.For(mail.Smtp.Security), ct);
            await client.DisconnectAsync(true, ct);
            return HealthCheckResult.Healthy($"SMTP {mail.Smtp.Host}:{mail.Smtp.Port} answers");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"SMTP {mail.Smtp.Host}:{mail.Smtp.Port} unreachable: {e.Message}");
        }
    }
}
