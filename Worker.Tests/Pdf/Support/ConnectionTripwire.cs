using System.Net;
using System.Net.Sockets;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// Listens on a loopback port that a stopped service used and counts every connection, so a test can show that a
/// check touched no network at all.
/// </summary>
public sealed class ConnectionTripwire : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    private ConnectionTripwire(TcpListener listener)
    {
        _listener = listener;
        _ = AcceptAsync();
    }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Binds <paramref name="port"/>, retrying for up to a minute while the stopped service's socket lets it go.</summary>
    public static async Task<ConnectionTripwire> OnAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return new ConnectionTripwire(listener);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                listener.Dispose();
                await Task.Delay(500);
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Dispose();
    }
}
