using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Tests.Support.Pki;

/// <summary>
/// The one place the tests make certificates: roots, intermediates and leaves from a <see cref="TestCertificate"/>, each
/// with its private key, and CRLs of a CA. The files the tools take are <see cref="KeyFiles"/> (PKCS#12) and
/// <see cref="NssDatabase"/> (pdfsig); the PKIs the tests share (DemoPki, RevocationPki, BsreTestPki) are made from these.
/// </summary>
public static class TestPki
{
    /// <summary>A name as DemoCertificates gives its certificates (the same encoding), for certificates that stand in for the demo's.</summary>
    public static X500DistinguishedName DemoName(string commonName) => DemoCertificates.Subject(commonName);

    /// <summary>A self-signed certificate with its key: a root CA, or a signer no CA vouches for.</summary>
    public static X509Certificate2 SelfSigned(TestCertificate certificate) => Create(certificate, issuer: null);

    /// <summary>A certificate <paramref name="issuer"/> (a CA with its key) issued, with its own key: an intermediate CA or a leaf.</summary>
    public static X509Certificate2 Issue(this X509Certificate2 issuer, TestCertificate certificate) => Create(certificate, issuer);

    /// <summary>A CRL (DER) of <paramref name="issuer"/> revoking <paramref name="revoked"/> (for key compromise).</summary>
    public static byte[] Crl(this X509Certificate2 issuer, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, long number = 1,
        IEnumerable<(byte[] Serial, DateTimeOffset RevokedAt)>? revoked = null)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var (serial, at) in revoked ?? []) builder.AddEntry(serial, at, X509RevocationReason.KeyCompromise);
        var padding = issuer.GetRSAPublicKey() is null ? null : RSASignaturePadding.Pkcs1;
        return builder.Build(issuer, number, nextUpdate, HashAlgorithmName.SHA256, padding, thisUpdate);
    }

    private static X509Certificate2 Create(TestCertificate certificate, X509Certificate2? issuer)
    {
        using var key = NewKey(certificate.Key);
        var request = key is RSA rsa
            ? new CertificateRequest(certificate.Subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(certificate.Subject, (ECDsa)key, HashAlgorithmName.SHA256);
        foreach (var extension in Extensions(certificate, request.PublicKey, issuer)) request.CertificateExtensions.Add(extension);
        var now = DateTimeOffset.UtcNow;
        var notBefore = certificate.NotBefore ?? now.AddDays(-1);
        var notAfter = certificate.NotAfter ?? now.AddYears(certificate.IsAuthority ? 10 : 2);
        var serial = certificate.Serial ?? DemoCertificates.RandomSerial();
        using var signingKey = issuer is null ? null : (AsymmetricAlgorithm?)issuer.GetRSAPrivateKey() ?? issuer.GetECDsaPrivateKey()
            ?? throw new ArgumentException("the issuer needs its private key", nameof(issuer));
        using var issued = request.Create(issuer?.SubjectName ?? certificate.Subject, Generator(signingKey ?? key), notBefore, notAfter, serial);
        return key is RSA withRsa ? issued.CopyWithPrivateKey(withRsa) : issued.CopyWithPrivateKey((ECDsa)key);
    }

    private static IEnumerable<X509Extension> Extensions(TestCertificate certificate, PublicKey publicKey, X509Certificate2? issuer)
    {
        // A self-signed signer (a forger's look-alike, a bare test identity) stays without basic constraints: no CA, and issued by none.
        if (certificate.IsAuthority || issuer is not null) yield return new X509BasicConstraintsExtension(certificate.IsAuthority, false, 0, true);
        var usage = certificate.IsAuthority
            ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign
            : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;
        yield return new X509KeyUsageExtension(certificate.KeyUsage ?? usage, true);
        if (certificate.ExtendedKeyUsage is { } purpose)
            yield return new X509EnhancedKeyUsageExtension([new Oid(purpose)], purpose == DemoCertificates.TimeStampingOid);
        yield return new X509SubjectKeyIdentifierExtension(publicKey, false);
        if (issuer is not null) yield return X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false);
        if (certificate.Email is { } email)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddEmailAddress(email);
            yield return names.Build();
        }
        foreach (var extension in DemoCertificates.RevocationExtensions(certificate.OcspUrl, certificate.CrlUrl).Concat(certificate.Extensions))
            yield return extension;
    }

    private static AsymmetricAlgorithm NewKey(DemoKeyKind kind) => kind switch
    {
        DemoKeyKind.Rsa2048 => RSA.Create(2048),
        DemoKeyKind.EcP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        DemoKeyKind.EcP384 => ECDsa.Create(ECCurve.NamedCurves.nistP384),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static X509SignatureGenerator Generator(AsymmetricAlgorithm key) =>
        key is RSA rsa ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1) : X509SignatureGenerator.CreateForECDsa((ECDsa)key);
}
