using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

/// <summary>
/// Debian's nginx started on loopback with config/nginx-example.conf (only ports, name, certificate and upstream changed),
/// TLS with a self-signed certificate made here by openssl.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public const string Nginx = "/usr/sbin/nginx";
    public const string ServerName = "tte.test";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "nginx-test-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Process process;

    public int HttpsPort { get; } = FreePort();
    public int HttpPort { get; } = FreePort();
    public X509Certificate2 Certificate { get; }
    public string HttpsUrl => $"https://{ServerName}:{HttpsPort}";
    public string HttpUrl => $"http://{ServerName}:{HttpPort}";

    public NginxProxy(string upstream)
    {
        Directory.CreateDirectory(directory);
        var cert = Path.Combine(directory, "cert.pem");
        var key = Path.Combine(directory, "key.pem");
        Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + ServerName,
            "-addext", "subjectAltName=DNS:" + ServerName, "-keyout", key, "-out", cert);
        Certificate = X509CertificateLoader.LoadCertificateFromFile(cert);

        var example = File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "nginx-example.conf"));
        var site = Replace(example,
            ("listen 80;", $"listen 127.0.0.1:{HttpPort};"),
            ("listen 443 ssl;", $"listen 127.0.0.1:{HttpsPort} ssl;"),
            ("server_name tte.example.go.id;", $"server_name {ServerName};"),
            ("return 301 https://$host$request_uri;", $"return 301 https://$host:{HttpsPort}$request_uri;"),
            ("/etc/ssl/tte/fullchain.pem", cert),
            ("/etc/ssl/tte/privkey.pem", key),
            ("http://127.0.0.1:5080", upstream));
        File.WriteAllText(Path.Combine(directory, "tte.conf"), site);
        // Run as root (CI), nginx's workers would switch to nobody, who cannot use this folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log;
            events { worker_connections 128; }
            http {
                access_log {{directory}}/access.log;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/tte.conf;
            }
            """);
        var info = new ProcessStartInfo(Nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log") })
            info.ArgumentList.Add(a);
        process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start");
        WaitForPort(HttpsPort);
    }

    /// <summary>The nginx error log, for failure messages.</summary>
    public string ErrorLog => File.Exists(Path.Combine(directory, "error.log")) ? File.ReadAllText(Path.Combine(directory, "error.log")) : "";

    /// <summary>
    /// A client connecting from <paramref name="clientAddress"/> (any 127.x address: each is another client to nginx) to this
    /// proxy, trusting only its certificate.
    /// </summary>
    public HttpClient Client(string clientAddress, bool https = true, CookieContainer? cookies = null)
    {
        var port = https ? HttpsPort : HttpPort;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(clientAddress), 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, c, _, _) => c is not null && c.GetCertHashString() == Certificate.Thumbprint;
        return new HttpClient(handler) { BaseAddress = new Uri(https ? HttpsUrl : HttpUrl) };
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
        process.Dispose();
        Certificate.Dispose();
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* left for the OS to clean */ }
    }

    private void WaitForPort(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {process.StandardError.ReadToEnd()} {ErrorLog}");
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { Thread.Sleep(100); }
        }
        throw new TimeoutException($"nginx did not listen on {port}: {ErrorLog}");
    }

    private static string Replace(string text, params (string From, string To)[] changes)
    {
        foreach (var (from, to) in changes)
        {
            // The example must still contain what the test changes, or the test would run another configuration.
            if (!text.Contains(from, StringComparison.Ordinal)) throw new InvalidOperationException($"config/nginx-example.conf no longer contains '{from}'");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        return text;
    }

    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException(program + " did not start");
        var error = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {error.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
