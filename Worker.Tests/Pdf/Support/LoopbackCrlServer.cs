using System.Net;

namespace Worker.Tests.Pdf.Support;

/// <summary>Serves one CRL (DER) over HTTP on a loopback port, whatever the path, until disposed or the test process ends.</summary>
public sealed class LoopbackCrlServer : IDisposable
{
    private readonly HttpListener _listener = new();

    public LoopbackCrlServer(int port, byte[] crl)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync(crl);
    }

    private async Task ServeAsync(byte[] crl)
    {
        while (true)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            context.Response.ContentType = "application/pkix-crl";
            await context.Response.OutputStream.WriteAsync(crl);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
