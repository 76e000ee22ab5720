using System.Security.Cryptography.X509Certificates;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Verification;

/// <summary>
/// Builds a certificate's chain to the trust anchors from an untrusted pool (the CMS's, a token's, the DSS's
/// certificates), at a given time; never downloads a certificate or asks for revocation (Worker.Pdf.Revocation does).
/// </summary>
internal static class ChainBuilder
{
    /// <summary>Whether it chains at <paramref name="at"/> (any time when null), and the elements found, leaf first.</summary>
    public static (bool Trusted, List<BcCertificate> Elements) Build(BcCertificate leaf, IEnumerable<BcCertificate> pool,
        X509Certificate2Collection trust, DateTimeOffset? at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust);
        chain.ChainPolicy.ExtraStore.AddRange(pool.Select(c => X509CertificateLoader.LoadCertificate(c.GetEncoded())).ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (at is { } time) chain.ChainPolicy.VerificationTime = time.UtcDateTime;
        else chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        var trusted = chain.Build(X509CertificateLoader.LoadCertificate(leaf.GetEncoded()));
        var parser = new Org.BouncyCastle.X509.X509CertificateParser();
        return (trusted, chain.ChainElements.Select(e => parser.ReadCertificate(e.Certificate.RawData)).ToList());
    }

    /// <summary>The chain, leaf first, when it reaches an anchor at <paramref name="at"/>; null otherwise.</summary>
    public static List<BcCertificate>? TrustedAt(BcCertificate leaf, IEnumerable<BcCertificate> pool, X509Certificate2Collection trust, DateTimeOffset at)
    {
        var (trusted, elements) = Build(leaf, pool, trust, at);
        return trusted ? elements : null;
    }
}
