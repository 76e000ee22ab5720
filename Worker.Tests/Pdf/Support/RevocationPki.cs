using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;
using Worker.Tests.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// A CA whose signer certificates name revocation services on loopback: a real <c>openssl ocsp</c> responder answering
/// from an index (one good, one revoked certificate), a CRL served over HTTP (one good, one revoked), and a responder
/// address that accepts connections but never answers, and a CRL server that fails as many requests as it is told to
/// (<see cref="FailNextFlakyCrlRequests"/>) before it answers. One per test class (xunit fixture).
/// </summary>
public sealed class RevocationPki : IDisposable
{
    private readonly X509Certificate2 _authority;
    private readonly Process _ocsp;
    private readonly LoopbackCrlServer _crlServer;
    private readonly LoopbackCrlServer _laterCrlServer;
    private readonly LoopbackCrlServer _flakyCrlServer;
    private int _flakyFailuresLeft;
    private int _flakyRequests;
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public RevocationPki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("pdf-tests-revocation-").FullName;
        _authority = TestPki.SelfSigned(TestCertificate.Authority(TestPki.DemoName("Revocation Test Root CA")));
        CaPem = Path.Combine(Directory, "ca.pem");
        DemoCertificates.WritePem(_authority, CaPem);
        Trust = [X509CertificateLoader.LoadCertificate(_authority.RawData)];
        var ocspPort = FreeLoopbackPort.Next();
        var crlPort = FreeLoopbackPort.Next();
        var flakyPort = FreeLoopbackPort.Next();
        _silent.Start();
        var silentPort = ((IPEndPoint)_silent.LocalEndpoint).Port;
        var ocspUrl = $"http://127.0.0.1:{ocspPort}/";
        OcspUrl = ocspUrl;
        var crlUrl = $"http://127.0.0.1:{crlPort}/ca.crl";
        CrlUrl = crlUrl;
        RevokedAt = DateTimeOffset.UtcNow.AddHours(-2);

        OcspGood = Issue("OCSP Good Signer", "ocsp-good", ocsp: ocspUrl);
        OcspRevoked = Issue("OCSP Revoked Signer", "ocsp-revoked", ocsp: ocspUrl);
        CrlGood = Issue("CRL Good Signer", "crl-good", crl: crlUrl);
        CrlRevoked = Issue("CRL Revoked Signer", "crl-revoked", crl: crlUrl);
        Silent = Issue("Silent Responder Signer", "silent", ocsp: $"http://127.0.0.1:{silentPort}/");
        SilentCrl = Issue("Silent CRL Signer", "silent-crl", crl: $"http://127.0.0.1:{silentPort}/ca.crl");
        // Nothing listens on a port freed again: the connection is refused.
        var closedPort = FreeLoopbackPort.Next();
        Unreachable = Issue("Unreachable Signer", "unreachable", ocsp: $"http://127.0.0.1:{closedPort}/", crl: $"http://127.0.0.1:{closedPort}/ca.crl");
        var laterPort = FreeLoopbackPort.Next();
        RevokedLater = Issue("Revoked Later Signer", "revoked-later", crl: $"http://127.0.0.1:{laterPort}/later.crl");
        FlakyCrl = Issue("Flaky CRL Signer", "flaky-crl", crl: $"http://127.0.0.1:{flakyPort}/ca.crl");

        File.WriteAllText(Path.Combine(Directory, "index.txt"), IndexLine(OcspGood, revoked: false) + IndexLine(OcspRevoked, revoked: true));
        File.WriteAllText(Path.Combine(Directory, "ca.key"), _authority.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");
        _ocsp = OpensslOcspResponder.Start(Path.Combine(Directory, "index.txt"), CaPem, Path.Combine(Directory, "ca.key"), CaPem, ocspPort);
        File.WriteAllBytes(Path.Combine(Directory, "ca.crl"), Crl(CrlRevoked.Serial, RevokedAt));
        _crlServer = new LoopbackCrlServer(crlPort, File.ReadAllBytes(CrlPath));
        // Issued per request: it lists the signer once a test has revoked it, at the time the test chose.
        _laterCrlServer = new LoopbackCrlServer(laterPort, () => RevokedLaterAt is { } at ? Crl(RevokedLater.Serial, at) : Crl(null, RevokedAt));
        var crl = File.ReadAllBytes(CrlPath);
        _flakyCrlServer = new LoopbackCrlServer(flakyPort, () =>
        {
            Interlocked.Increment(ref _flakyRequests);
            return Interlocked.Decrement(ref _flakyFailuresLeft) >= 0 ? null : crl;
        });
        _ = AcceptSilentlyAsync();
    }

    public string Directory { get; }
    public string CaPem { get; }
    public X509Certificate2Collection Trust { get; }
    public DateTimeOffset RevokedAt { get; }
    public string OcspUrl { get; }

    /// <summary>Where the CRL distribution point of the CRL signers points.</summary>
    public string CrlUrl { get; }

    /// <summary>The CRL the loopback server serves (DER).</summary>
    public string CrlPath => Path.Combine(Directory, "ca.crl");
    public Signer OcspGood { get; }
    public Signer OcspRevoked { get; }
    public Signer CrlGood { get; }
    public Signer CrlRevoked { get; }

    /// <summary>Its OCSP responder accepts the connection and never answers.</summary>
    public Signer Silent { get; }

    /// <summary>Its CRL distribution point accepts the connection and never answers.</summary>
    public Signer SilentCrl { get; }

    /// <summary>Its OCSP responder and CRL distribution point refuse the connection.</summary>
    public Signer Unreachable { get; }

    /// <summary>Listed on its own CRL once <see cref="RevokedLaterAt"/> is set (after a test has signed with it).</summary>
    public Signer RevokedLater { get; }

    /// <summary>When <see cref="RevokedLater"/> was revoked; null while it is not.</summary>
    public DateTimeOffset? RevokedLaterAt { get; set; }

    /// <summary>Its CRL distribution point answers 503 to the next requests <see cref="FailNextFlakyCrlRequests"/> names, then the CRL.</summary>
    public Signer FlakyCrl { get; }

    /// <summary>The requests the flaky CRL server has had.</summary>
    public int FlakyCrlRequests => Volatile.Read(ref _flakyRequests);

    /// <summary>Makes the flaky CRL server fail the next <paramref name="count"/> requests.</summary>
    public void FailNextFlakyCrlRequests(int count) => Volatile.Write(ref _flakyFailuresLeft, count);

    public sealed record Signer(KeyFiles Files, string Serial, string Subject, string CertificatePem);

    private Signer Issue(string name, string file, string? ocsp = null, string? crl = null)
    {
        using var issued = _authority.Issue(new TestCertificate(TestPki.DemoName(name)) { OcspUrl = ocsp, CrlUrl = crl });
        var files = KeyFiles.In(Directory, file).Write(issued, _authority);
        var pem = Path.Combine(Directory, file + ".pem");
        DemoCertificates.WritePem(issued, pem);
        return new Signer(files, issued.SerialNumber, "/CN=" + name, pem);
    }

    // openssl's index: status, expiry, revocation time (R only), serial in hex, file name, subject; tab-separated.
    private string IndexLine(Signer signer, bool revoked)
    {
        static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        var expiry = Time(DateTimeOffset.UtcNow.AddYears(1));
        return revoked
            ? $"R\t{expiry}\t{Time(RevokedAt)},keyCompromise\t{signer.Serial}\tunknown\t{signer.Subject}\n"
            : $"V\t{expiry}\t\t{signer.Serial}\tunknown\t{signer.Subject}\n";
    }

    private byte[] Crl(string? revokedSerial, DateTimeOffset revokedAt)
    {
        var now = DateTimeOffset.UtcNow;
        return _authority.Crl(now.AddMinutes(-1), now.AddDays(7), revoked: revokedSerial is null ? [] : [(Convert.FromHexString(revokedSerial), revokedAt)]);
    }

    private async Task AcceptSilentlyAsync()
    {
        var held = new List<TcpClient>();
        while (!_stop.IsCancellationRequested)
        {
            try { held.Add(await _silent.AcceptTcpClientAsync(_stop.Token)); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { break; }
        }
        foreach (var client in held) client.Dispose();
    }

    public void Dispose()
    {
        _stop.Cancel();
        if (!_ocsp.HasExited) _ocsp.Kill();
        _ocsp.Dispose();
        _crlServer.Dispose();
        _laterCrlServer.Dispose();
        _flakyCrlServer.Dispose();
        _silent.Stop();
        _authority.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
