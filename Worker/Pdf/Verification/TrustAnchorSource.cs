using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Worker.Pdf.Verification;

/// <summary>
/// The trust anchors: the given PEM files, or else the root certificates of the signers' PKCS#12 chains. Loaded once
/// and again when one of the files changes, so a renewed signer certificate is trusted without a restart.
/// </summary>
public sealed class TrustAnchorSource(IReadOnlyList<string> pemFiles, IReadOnlyList<(string Pkcs12, string PasswordFile)> signers)
{
    private readonly Lock _gate = new();
    private string? _stamp;
    private X509Certificate2Collection _anchors = [];

    /// <summary>The anchors now; empty when none can be found (then no signature reads "sah / valid").</summary>
    public X509Certificate2Collection Load()
    {
        var files = pemFiles.Count > 0 ? pemFiles : signers.SelectMany(s => new[] { s.Pkcs12, s.PasswordFile }).ToList();
        var stamp = string.Join('|', files.Select(f => File.Exists(f) ? $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}:{new FileInfo(f).Length}" : f));
        lock (_gate)
        {
            if (stamp != _stamp)
            {
                _anchors = pemFiles.Count > 0 ? FromPem(pemFiles) : FromSigners(signers);
                _stamp = stamp;
            }
            return _anchors;
        }
    }

    private static X509Certificate2Collection FromPem(IEnumerable<string> files)
    {
        var anchors = new X509Certificate2Collection();
        foreach (var file in files.Where(File.Exists))
            anchors.ImportFromPemFile(file);
        return anchors;
    }

    private static X509Certificate2Collection FromSigners(IEnumerable<(string Pkcs12, string PasswordFile)> signers)
    {
        var anchors = new X509Certificate2Collection();
        foreach (var (pkcs12, passwordFile) in signers)
        {
            if (!File.Exists(pkcs12) || !File.Exists(passwordFile)) continue;
            try
            {
                var password = File.ReadAllText(passwordFile).TrimEnd('\r', '\n');
                var chain = X509CertificateLoader.LoadPkcs12CollectionFromFile(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
                // The root is the self-signed certificate; a chain without one gives its topmost certificate.
                var root = chain.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData))
                    ?? chain.LastOrDefault();
                if (root is not null && !anchors.Any(a => a.Thumbprint == root.Thumbprint))
                    anchors.Add(X509CertificateLoader.LoadCertificate(root.RawData));
            }
            catch (CryptographicException)
            {
                // A signer whose PKCS#12 cannot be opened is refused when it signs; it just adds no anchor here.
            }
        }
        return anchors;
    }
}
