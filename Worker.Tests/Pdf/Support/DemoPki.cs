using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// One demo CA and signers (RSA-2048, P-256, P-384) for the whole test run, as PKCS#12 files with password
/// files, plus an NSS database trusting the CA so pdfsig judges the certificates trusted.
/// </summary>
public sealed class DemoPki
{
    private static readonly Lazy<DemoPki> Shared = new(() => new DemoPki());

    private DemoPki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("pdf-tests-pki-").FullName;
        using var authority = DemoCertificates.CreateAuthority();
        CaPem = Path.Combine(Directory, "ca.pem");
        DemoCertificates.WritePem(authority, CaPem);
        Trust = [X509CertificateLoader.LoadCertificate(authority.RawData)];
        Rsa = Issue(authority, DemoKeyKind.Rsa2048, "Test Signer RSA", "rsa");
        EcP256 = Issue(authority, DemoKeyKind.EcP256, "Test Signer P-256", "p256");
        EcP384 = Issue(authority, DemoKeyKind.EcP384, "Test Signer P-384", "p384");
        SecondRsa = Issue(authority, DemoKeyKind.Rsa2048, "Second Signer RSA", "rsa2");
        NssDirectory = Path.Combine(Directory, "nss");
        System.IO.Directory.CreateDirectory(NssDirectory);
        Check(ExternalTool.Run("certutil", "-N", "-d", "sql:" + NssDirectory, "--empty-password"));
        Check(ExternalTool.Run("certutil", "-A", "-d", "sql:" + NssDirectory, "-n", "demo-ca", "-t", "CT,C,C", "-i", CaPem));
    }

    public static DemoPki Instance => Shared.Value;

    public string Directory { get; }
    public string CaPem { get; }
    public string NssDirectory { get; }
    public X509Certificate2Collection Trust { get; }
    public KeyFiles Rsa { get; }
    public KeyFiles EcP256 { get; }
    public KeyFiles EcP384 { get; }

    /// <summary>
    /// Another RSA signer: pdfsig 22.12 reports "Unknown issue with Certificate" for every later signature
    /// made with a certificate it already checked in the same file, so tests that pile up signatures rotate keys.
    /// </summary>
    public KeyFiles SecondRsa { get; }

    /// <summary>Four different signers, for files that collect several signatures.</summary>
    public IReadOnlyList<KeyFiles> All => [Rsa, EcP256, EcP384, SecondRsa];

    public sealed record KeyFiles(string Pkcs12, string PasswordFile)
    {
        public Pkcs12DigestSigner Open(bool rsaPss = false) => Pkcs12DigestSigner.Open(Pkcs12, PasswordFile, rsaPss);
    }

    private KeyFiles Issue(X509Certificate2 authority, DemoKeyKind kind, string name, string file)
    {
        using var signer = DemoCertificates.IssueSigner(authority, kind, name);
        var files = new KeyFiles(Path.Combine(Directory, file + ".p12"), Path.Combine(Directory, file + ".pass"));
        DemoCertificates.WritePkcs12(signer, authority, files.Pkcs12, files.PasswordFile);
        return files;
    }

    private static void Check(ExternalTool.Result result)
    {
        if (result.ExitCode != 0) throw new InvalidOperationException("certutil failed: " + result.Output);
    }
}
