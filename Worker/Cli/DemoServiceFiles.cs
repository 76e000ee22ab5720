using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Cli;

/// <summary>
/// What the demo's OCSP responder (<c>openssl ocsp</c>), CRL file server and TSA (<c>openssl ts</c>) that scripts/run.sh
/// starts need beside the demo CA: service certificates with PEM keys, openssl's index of issued certificates, a fresh CRL.
/// </summary>
internal static class DemoServiceFiles
{
    // A demo CRL is re-issued at every start of run.sh; a month leaves room for a long-running demo.
    private static readonly TimeSpan CrlLifetime = TimeSpan.FromDays(30);

    /// <summary>A service certificate (PEM) and its private key (PEM, owner-only), unless they exist.</summary>
    public static void Service(X509Certificate2 authority, string name, string purposeOid, IReadOnlyList<X509Extension> extensions,
        string certificatePath, string keyPath, TextWriter stdout)
    {
        if (File.Exists(certificatePath) || File.Exists(keyPath))
        {
            stdout.WriteLine($"kept    {certificatePath}");
            return;
        }
        using var certificate = DemoCertificates.IssueService(authority, name, purposeOid, extensions);
        using var key = certificate.GetRSAPrivateKey()!;
        File.WriteAllText(keyPath, "");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        DemoCertificates.WritePem(certificate, certificatePath);
        stdout.WriteLine($"created {certificatePath} and {Path.GetFileName(keyPath)}");
    }

    /// <summary>Rewrites openssl's index (every listed certificate valid) so the responder answers "good" for each.</summary>
    public static void OcspIndex(string path, IEnumerable<X509Certificate2> issued, TextWriter stdout)
    {
        // Tab-separated: status, expiry, revocation time (empty), serial in hex, file name, subject.
        // The responder looks certificates up by serial; the subject is only for the reader.
        var lines = issued.Select(c => string.Join('\t', "V", c.NotAfter.ToUniversalTime().ToString("yyMMddHHmmss'Z'", CultureInfo.InvariantCulture),
            "", c.SerialNumber, "unknown", "/CN=" + c.GetNameInfo(X509NameType.SimpleName, false)));
        File.WriteAllText(path, string.Join("", lines.Select(l => l + "\n")));
        stdout.WriteLine($"wrote   {path}");
    }

    /// <summary>A fresh CRL (DER) revoking nothing, in a folder of its own: the CRL server serves only that folder.</summary>
    public static void Crl(X509Certificate2 authority, string path, TextWriter stdout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path + ".tmp", DemoCertificates.EmptyCrl(authority, CrlLifetime));
        File.Move(path + ".tmp", path, overwrite: true);
        stdout.WriteLine($"wrote   {path}");
    }

    /// <summary>The signer certificates of the PKCS#12 files that exist, for the responder's index.</summary>
    public static IEnumerable<X509Certificate2> Signers(IEnumerable<(string Pkcs12, string PasswordFile)> files)
    {
        foreach (var (pkcs12, passwordFile) in files.Where(f => File.Exists(f.Pkcs12) && File.Exists(f.PasswordFile)))
        {
            var password = File.ReadAllText(passwordFile).TrimEnd('\r', '\n');
            var chain = X509CertificateLoader.LoadPkcs12CollectionFromFile(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
            if (chain.FirstOrDefault(c => c.HasPrivateKey) is { } signer) yield return X509CertificateLoader.LoadCertificate(signer.RawData);
        }
    }
}
