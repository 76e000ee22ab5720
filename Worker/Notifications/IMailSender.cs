namespace Worker.Notifications;

/// <summary>Sends emails: through SMTP, or into the pickup folder when no SMTP host is configured.</summary>
public interface IMailSender
{
    /// <summary>Opens a batch; every message of it goes over one connection, opened on the first send.</summary>
    Task<IMailBatch> OpenBatchAsync(CancellationToken ct);
}
