using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Worker.Tests.Support;

/// <summary>A real SMTP server on a loopback port that keeps what it receives; it can be stopped and started again on the same port.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private CancellationTokenSource? stop;
    private SmtpServer.SmtpServer? server;
    private Task? running;

    public int Port { get; } = FreePort();
    public IReadOnlyCollection<MimeMessage> Received => received.ToArray();

    public TestSmtpServer Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        stop = new CancellationTokenSource();
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
        return this;
    }

    public async Task StopAsync()
    {
        if (stop is null || running is null) return;
        await stop.CancelAsync();
        try { await running; }
        catch (OperationCanceledException) { /* how SmtpServer ends */ }
        stop.Dispose();
        stop = null;
        running = null;
    }

    /// <summary>Messages to <paramref name="to"/> about <paramref name="about"/> (in the subject), waiting until at least <paramref name="count"/> arrived.</summary>
    public Task<List<MimeMessage>> WaitForAsync(string to, string about, int count = 1, TimeSpan? timeout = null) =>
        Eventually.Async(() => Task.FromResult(Matching(to, about)), l => l.Count >= count, timeout ?? TimeSpan.FromSeconds(30),
            $"{count} email(s) to {to} about {about}");

    public List<MimeMessage> Matching(string to, string about) =>
        received.Where(m => m.To.Mailboxes.Any(a => a.Address.Equals(to, StringComparison.OrdinalIgnoreCase)) && (m.Subject ?? "").Contains(about)).ToList();

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> into) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            into.Enqueue(await MimeMessage.LoadAsync(new MemoryStream(buffer.ToArray()), ct));
            return SmtpResponse.Ok;
        }
    }
}
