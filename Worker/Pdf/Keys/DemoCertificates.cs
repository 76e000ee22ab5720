using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Worker.Pdf.Keys;

/// <summary>Makes a demo CA and signer certificates for local use and tests; never for production.</summary>
public static class DemoCertificates
{
    /// <summary>A self-signed CA certificate with its private key.</summary>
    public static X509Certificate2 CreateAuthority(string commonName = "Demo TTE Root CA")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(Subject(commonName), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    /// <summary>
    /// A random positive serial of <paramref name="length"/> bytes in minimal DER form: the first byte is never 0 (a redundant
    /// leading zero, which CRL builders and openssl's index refuse or rewrite) and never has its high bit set (negative).
    /// </summary>
    public static byte[] RandomSerial(int length = 16)
    {
        var serial = RandomNumberGenerator.GetBytes(length);
        serial[0] = (byte)(0x40 | (serial[0] & 0x3F));
        return serial;
    }

    /// <summary>A signer certificate issued by <paramref name="authority"/>, with its private key.</summary>
    public static X509Certificate2 IssueSigner(X509Certificate2 authority, DemoKeyKind kind, string commonName,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, IReadOnlyList<X509Extension>? extensions = null)
    {
        var now = DateTimeOffset.UtcNow;
        var serial = RandomSerial();
        using var caKey = authority.GetRSAPrivateKey() ?? throw new ArgumentException("the authority needs its RSA private key");
        var generator = X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1);
        if (kind == DemoKeyKind.Rsa2048)
        {
            using var rsa = RSA.Create(2048);
            var request = Request(new CertificateRequest(Subject(commonName), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), authority, extensions);
            using var cert = request.Create(authority.SubjectName, generator, notBefore ?? now.AddDays(-1), notAfter ?? now.AddYears(2), serial);
            return cert.CopyWithPrivateKey(rsa);
        }
        using var ec = ECDsa.Create(kind == DemoKeyKind.EcP384 ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256);
        var ecRequest = Request(new CertificateRequest(Subject(commonName), ec, HashAlgorithmName.SHA256), authority, extensions);
        using var ecCert = ecRequest.Create(authority.SubjectName, generator, notBefore ?? now.AddDays(-1), notAfter ?? now.AddYears(2), serial);
        return ecCert.CopyWithPrivateKey(ec);
    }

    /// <summary>Writes a PKCS#12 (key, certificate, CA) and a password file holding a random password.</summary>
    public static void WritePkcs12(X509Certificate2 signer, X509Certificate2 authority, string pkcs12Path, string passwordPath)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var collection = new X509Certificate2Collection { signer, X509CertificateLoader.LoadCertificate(authority.RawData) };
        File.WriteAllBytes(pkcs12Path, collection.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        File.WriteAllText(passwordPath, password + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(pkcs12Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Writes a certificate as PEM.</summary>
    public static void WritePem(X509Certificate2 certificate, string path) => File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");

    /// <summary>Authority Information Access (OCSP) and CRL distribution point extensions naming the demo's revocation services.</summary>
    public static IReadOnlyList<X509Extension> RevocationExtensions(string? ocspUrl, string? crlUrl)
    {
        var extensions = new List<X509Extension>();
        if (ocspUrl is not null) extensions.Add(new X509AuthorityInformationAccessExtension([ocspUrl], null));
        if (crlUrl is not null) extensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlUrl]));
        return extensions;
    }

    /// <summary>
    /// An RSA-2048 certificate for a demo service with one extended key usage: a delegated OCSP responder
    /// (1.3.6.1.5.5.7.3.9) or a TSA (1.3.6.1.5.5.7.3.8, critical as RFC 3161 requires).
    /// </summary>
    public static X509Certificate2 IssueService(X509Certificate2 authority, string commonName, string purposeOid, IReadOnlyList<X509Extension>? extensions = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(Subject(commonName), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(purposeOid)], purposeOid == TimeStampingOid));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        foreach (var extension in extensions ?? []) request.CertificateExtensions.Add(extension);
        var serial = RandomSerial();
        using var caKey = authority.GetRSAPrivateKey() ?? throw new ArgumentException("the authority needs its RSA private key");
        var now = DateTimeOffset.UtcNow;
        using var cert = request.Create(authority.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1),
            now.AddDays(-1), now.AddYears(5) < authority.NotAfter ? now.AddYears(5) : authority.NotAfter, serial);
        return cert.CopyWithPrivateKey(rsa);
    }

    /// <summary>The extended key usage of a time-stamping authority.</summary>
    public const string TimeStampingOid = "1.3.6.1.5.5.7.3.8";

    /// <summary>The extended key usage of a delegated OCSP responder.</summary>
    public const string OcspSigningOid = "1.3.6.1.5.5.7.3.9";

    /// <summary>A CRL of the authority revoking nothing, valid for <paramref name="lifetime"/>; its number grows with the time of issue.</summary>
    public static byte[] EmptyCrl(X509Certificate2 authority, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow;
        return new CertificateRevocationListBuilder().Build(authority, now.ToUnixTimeSeconds(), now + lifetime, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1, now.AddMinutes(-1));
    }

    private static CertificateRequest Request(CertificateRequest request, X509Certificate2 authority, IReadOnlyList<X509Extension>? extensions)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        foreach (var extension in extensions ?? []) request.CertificateExtensions.Add(extension);
        return request;
    }

    /// <summary>The demo's name for a certificate: country, the demo organisation, and the common name.</summary>
    internal static X500DistinguishedName Subject(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("ID");
        builder.AddOrganizationName("Pemerintah Provinsi (Demo)");
        builder.AddCommonName(commonName);
        return builder.Build();
    }
}
