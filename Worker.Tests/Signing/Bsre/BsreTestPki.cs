using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// The test "BSrE" CA and its officials' certificates, in an NSS database that pdfsig signs with (the test service's
/// independent signer) and a PEM file an operator would install as a trust anchor. The officials' certificates name a
/// CRL distribution point on loopback, served for the whole run, so long-term validation can collect their status.
/// One per test run.
/// </summary>
public sealed class BsreTestPki
{
    private static readonly Lazy<BsreTestPki> Shared = new(() => new BsreTestPki());

    /// <summary>The official the tests sign for; the NIK is the subject's serialNumber.</summary>
    public static readonly BsreTestUser Official = new("official", "Dr. Ahmad Official", "7601012301800001", "ahmad@example.go.id");
    /// <summary>Another registered official, whose certificate a broken service might sign with.</summary>
    public static readonly BsreTestUser Other = new("other", "Orang Lain", "7601012301800002", "lain@example.go.id");

    private BsreTestPki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("bsre-test-pki-").FullName;
        var ca = TestPki.SelfSigned(TestCertificate.Authority("CN=BSrE Test CA, O=Balai Besar Sertifikasi Elektronik (Test), C=ID")
            with { NotAfter = DateTimeOffset.UtcNow.AddYears(5) });
        CaPem = Path.Combine(Directory, "bsre-ca.pem");
        DemoCertificates.WritePem(ca, CaPem);
        Ca = X509CertificateLoader.LoadCertificate(ca.RawData);
        var crlPort = FreeLoopbackPort.Next();
        CrlUrl = $"http://127.0.0.1:{crlPort}/bsre-ca.crl";
        // A fresh CRL per request: the PKI lives for the whole run, and a CRL issued long before a signature does not prove it
        // unrevoked at signing time (Freshness), so a static one made LTV tests depend on the order the classes ran in.
        var crlNumber = 0L;
        CrlServer = new LoopbackCrlServer(crlPort, () =>
        {
            var issued = DateTimeOffset.UtcNow;
            return ca.Crl(issued.AddSeconds(-1), issued.AddDays(7), Interlocked.Increment(ref crlNumber));
        });
        NssDirectory = NssDatabase.Create(Path.Combine(Directory, "nss"), CaPem, "bsre-test-ca");
        foreach (var user in new[] { Official, Other }) Issue(ca, user);
    }

    public static BsreTestPki Instance => Shared.Value;

    public string Directory { get; }
    public string NssDirectory { get; }
    /// <summary>The CA certificate as PEM, for pdfsig-independent trust and Worker:Verification:TrustAnchors.</summary>
    public string CaPem { get; }
    public X509Certificate2 Ca { get; }

    /// <summary>The CRL distribution point the officials' certificates name.</summary>
    public string CrlUrl { get; }

    /// <summary>An official's key and chain as a PKCS#12 file with its password file; the certificate is NICK.pem beside them.</summary>
    public KeyFiles KeysOf(BsreTestUser user) => KeyFiles.In(Directory, user.Nick);

    /// <summary>Serves the CA's CRL at <see cref="CrlUrl"/> for the whole run, like the PKI itself.</summary>
    internal LoopbackCrlServer CrlServer { get; }

    private void Issue(X509Certificate2 ca, BsreTestUser user)
    {
        using var certificate = ca.Issue(new TestCertificate($"serialNumber={user.Nik}, CN={user.Name}, O=Pemerintah Provinsi Sulawesi Barat (Test), C=ID")
        {
            Email = user.Email, CrlUrl = CrlUrl, Serial = DemoCertificates.RandomSerial(12),
        });
        DemoCertificates.WritePem(certificate, Path.Combine(Directory, user.Nick + ".pem"));
        NssDatabase.ImportKey(NssDirectory, KeysOf(user).Write(certificate, ca), user.Nick);
    }
}
