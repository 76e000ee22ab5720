using MimeKit;

namespace Worker.Notifications;

/// <summary>Messages sent over one connection; disposing it says goodbye to the server.</summary>
public interface IMailBatch : IAsyncDisposable
{
    /// <summary>Sends one message; throws when the server did not take it.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
