using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Tests.Support.Pki;

/// <summary>What a test certificate says: its name, key, validity, and the extensions a test needs. <see cref="TestPki"/> makes it.</summary>
public sealed record TestCertificate(X500DistinguishedName Subject)
{
    /// <summary>A certificate named by a distinguished name such as <c>CN=Official, O=Tests, C=ID</c>.</summary>
    public TestCertificate(string subject) : this(new X500DistinguishedName(subject)) { }

    /// <summary>A CA: basic constraints cA=true, key usage keyCertSign and cRLSign unless <see cref="KeyUsage"/> says otherwise.</summary>
    public static TestCertificate Authority(X500DistinguishedName subject) => new(subject) { IsAuthority = true };

    /// <inheritdoc cref="Authority(X500DistinguishedName)"/>
    public static TestCertificate Authority(string subject) => Authority(new X500DistinguishedName(subject));

    /// <summary>Whether it may issue certificates and CRLs.</summary>
    public bool IsAuthority { get; init; }

    /// <summary>The key pair made for it.</summary>
    public DemoKeyKind Key { get; init; } = DemoKeyKind.Rsa2048;

    /// <summary>Start of validity; a day ago when null.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>End of validity; two years on for a signer and ten for a CA when null.</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Key usage (critical); digitalSignature and nonRepudiation for a signer, keyCertSign and cRLSign for a CA when null.</summary>
    public X509KeyUsageFlags? KeyUsage { get; init; }

    /// <summary>The one extended key usage, if any: time stamping is marked critical, as RFC 3161 requires.</summary>
    public string? ExtendedKeyUsage { get; init; }

    /// <summary>The OCSP responder its Authority Information Access names.</summary>
    public string? OcspUrl { get; init; }

    /// <summary>The CRL distribution point it names.</summary>
    public string? CrlUrl { get; init; }

    /// <summary>An e-mail address in its subject alternative name.</summary>
    public string? Email { get; init; }

    /// <summary>Its serial number; a random positive one of 16 bytes when null.</summary>
    public byte[]? Serial { get; init; }

    /// <summary>Further extensions, added after the ones above.</summary>
    public IReadOnlyList<X509Extension> Extensions { get; init; } = [];
}
