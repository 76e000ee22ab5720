using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;
using Worker.Tests.Support.Pki;

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
        using var authority = TestPki.SelfSigned(TestCertificate.Authority(TestPki.DemoName(RootName)));
        CaPem = Path.Combine(Directory, "ca.pem");
        DemoCertificates.WritePem(authority, CaPem);
        Trust = [X509CertificateLoader.LoadCertificate(authority.RawData)];
        Rsa = Issue(authority, DemoKeyKind.Rsa2048, "Test Signer RSA", "rsa");
        EcP256 = Issue(authority, DemoKeyKind.EcP256, "Test Signer P-256", "p256");
        EcP384 = Issue(authority, DemoKeyKind.EcP384, "Test Signer P-384", "p384");
        SecondRsa = Issue(authority, DemoKeyKind.Rsa2048, "Second Signer RSA", "rsa2");
        NssDirectory = NssDatabase.Create(Path.Combine(Directory, "nss"), CaPem, "demo-ca");
    }

    /// <summary>The common name of the demo CA, the name a forged CA copies.</summary>
    public const string RootName = "Demo TTE Root CA";

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

    private KeyFiles Issue(X509Certificate2 authority, DemoKeyKind kind, string name, string file)
    {
        using var signer = authority.Issue(new TestCertificate(TestPki.DemoName(name)) { Key = kind });
        return KeyFiles.In(Directory, file).Write(signer, authority);
    }
}
