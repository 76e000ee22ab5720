using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Tests.Pdf.Support;

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
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=BSrE Test CA, O=Balai Besar Sertifikasi Elektronik (Test), C=ID", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        CaPem = Path.Combine(Directory, "bsre-ca.pem");
        File.WriteAllText(CaPem, ca.ExportCertificatePem() + "\n");
        Ca = X509CertificateLoader.LoadCertificate(ca.RawData);
        var crlPort = RevocationPki.FreePort();
        CrlUrl = $"http://127.0.0.1:{crlPort}/bsre-ca.crl";
        // A fresh CRL per request: the PKI lives for the whole run, and a CRL issued long before a signature does not prove it
        // unrevoked at signing time (Freshness), so a static one made LTV tests depend on the order the classes ran in.
        var crlNumber = 0L;
        CrlServer = new LoopbackCrlServer(crlPort, () =>
        {
            var issued = DateTimeOffset.UtcNow;
            return new CertificateRevocationListBuilder().Build(ca, Interlocked.Increment(ref crlNumber), issued.AddDays(7), HashAlgorithmName.SHA256,
                RSASignaturePadding.Pkcs1, issued.AddSeconds(-1));
        });
        NssDirectory = Path.Combine(Directory, "nss");
        System.IO.Directory.CreateDirectory(NssDirectory);
        Run("certutil", "-N", "-d", "sql:" + NssDirectory, "--empty-password");
        Run("certutil", "-A", "-d", "sql:" + NssDirectory, "-n", "bsre-test-ca", "-t", "CT,C,C", "-i", CaPem);
        foreach (var user in new[] { Official, Other }) Issue(ca, caKey, user);
    }

    public static BsreTestPki Instance => Shared.Value;

    public string Directory { get; }
    public string NssDirectory { get; }
    /// <summary>The CA certificate as PEM, for pdfsig-independent trust and Worker:Verification:TrustAnchors.</summary>
    public string CaPem { get; }
    public X509Certificate2 Ca { get; }

    /// <summary>The CRL distribution point the officials' certificates name.</summary>
    public string CrlUrl { get; }

    /// <summary>Serves the CA's CRL at <see cref="CrlUrl"/> for the whole run, like the PKI itself.</summary>
    internal LoopbackCrlServer CrlServer { get; }

    private void Issue(X509Certificate2 ca, RSA caKey, BsreTestUser user)
    {
        var subject = new X500DistinguishedName($"serialNumber={user.Nik}, CN={user.Name}, O=Pemerintah Provinsi Sulawesi Barat (Test), C=ID");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var san = new SubjectAlternativeNameBuilder();
        san.AddEmailAddress(user.Email);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([CrlUrl]));
        var now = DateTimeOffset.UtcNow;
        var serial = Worker.Pdf.Keys.DemoCertificates.RandomSerial(12);
        using var cert = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddYears(2), serial);
        var certPem = Path.Combine(Directory, user.Nick + ".pem");
        var keyPem = Path.Combine(Directory, user.Nick + ".key");
        File.WriteAllText(certPem, cert.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPem, key.ExportPkcs8PrivateKeyPem() + "\n");
        var p12 = Path.Combine(Directory, user.Nick + ".p12");
        // openssl sets the friendly name that becomes the NSS nickname pdfsig -nick selects.
        Run("openssl", "pkcs12", "-export", "-inkey", keyPem, "-in", certPem, "-certfile", CaPem, "-name", user.Nick, "-out", p12, "-passout", "pass:test");
        Run("pk12util", "-i", p12, "-d", "sql:" + NssDirectory, "-W", "test");
        File.Delete(keyPem);
    }

    private static void Run(string tool, params string[] args)
    {
        var result = ExternalTool.Run(tool, args);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {result.Output}");
    }
}
