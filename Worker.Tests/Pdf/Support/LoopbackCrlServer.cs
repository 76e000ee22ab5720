using System.Net;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// Serves a CRL (DER) over HTTP on a loopback port, whatever the path, until disposed or the test process ends: either one
/// fixed CRL, or one the CA issues afresh for each request, as a CA that republishes often does. A null from the issuer
/// answers 503, as a CRL server that is down for a moment does.
/// </summary>
public sealed class LoopbackCrlServer : IDisposable
{
    private readonly HttpListener _listener = new();

    public LoopbackCrlServer(int port, byte[] crl) : this(port, () => crl) { }

    public LoopbackCrlServer(int port, Func<byte[]?> issue)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync(issue);
    }

    private async Task ServeAsync(Func<byte[]?> issue)
    {
        while (true)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            if (issue() is { } crl)
            {
                context.Response.ContentType = "application/pkix-crl";
                await context.Response.OutputStream.WriteAsync(crl);
            }
            else
            {
                context.Response.StatusCode = 503;
            }
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
