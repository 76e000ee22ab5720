using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Tests.Support.Pki;

/// <summary>A signer's PKCS#12 file and the file holding its password, as a signer section of the configuration names them.</summary>
public sealed record KeyFiles(string Pkcs12, string PasswordFile)
{
    /// <summary><c>NAME.p12</c> and <c>NAME.pass</c> in <paramref name="folder"/>.</summary>
    public static KeyFiles In(string folder, string name) => new(Path.Combine(folder, name + ".p12"), Path.Combine(folder, name + ".pass"));

    public Pkcs12DigestSigner Open(bool rsaPss = false) => Pkcs12DigestSigner.Open(Pkcs12, PasswordFile, rsaPss);

    /// <summary>
    /// Writes <paramref name="signer"/> (with its key) and the CA certificates above it, under a random password kept in the
    /// password file. A self-signed signer has none: the loader refuses a file holding its key's certificate twice.
    /// </summary>
    public KeyFiles Write(X509Certificate2 signer, params X509Certificate2[] issuers)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var bundle = new X509Certificate2Collection(signer);
        foreach (var issuer in issuers) bundle.Add(X509CertificateLoader.LoadCertificate(issuer.RawData));
        File.WriteAllBytes(Pkcs12, bundle.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        File.WriteAllText(PasswordFile, password + "\n");
        return this;
    }
}
