using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Worker.Pdf.Keys;

namespace Worker.Pdf.Cms;

/// <summary>Maps our hash and signature choices to the algorithm identifiers CMS carries.</summary>
public static class CmsAlgorithms
{
    /// <summary>The digest algorithm identifier (parameters absent, as RFC 5754 prefers).</summary>
    public static AlgorithmIdentifier Digest(HashAlgorithmName hash) => new(DigestOid(hash));

    /// <summary>The OID of a SHA-2 digest.</summary>
    public static DerObjectIdentifier DigestOid(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA256 ? NistObjectIdentifiers.IdSha256
        : hash == HashAlgorithmName.SHA384 ? NistObjectIdentifiers.IdSha384
        : hash == HashAlgorithmName.SHA512 ? NistObjectIdentifiers.IdSha512
        : throw new ArgumentException($"unsupported hash {hash.Name}", nameof(hash));

    /// <summary>The hash named by a digest OID, or null for one we do not support.</summary>
    public static HashAlgorithmName? HashFromOid(string oid) => oid switch
    {
        "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
        "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
        "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
        "1.3.14.3.2.26" => HashAlgorithmName.SHA1,
        _ => null,
    };

    /// <summary>Parses a command-line hash name (sha256, sha384, sha512).</summary>
    public static HashAlgorithmName ParseHash(string name) => name.ToLowerInvariant() switch
    {
        "sha256" or "sha-256" => HashAlgorithmName.SHA256,
        "sha384" or "sha-384" => HashAlgorithmName.SHA384,
        "sha512" or "sha-512" => HashAlgorithmName.SHA512,
        _ => throw new ArgumentException($"unknown hash '{name}': use sha256, sha384 or sha512"),
    };

    /// <summary>The signature algorithm identifier for a scheme and hash.</summary>
    public static AlgorithmIdentifier Signature(SignatureScheme scheme, HashAlgorithmName hash) => scheme switch
    {
        SignatureScheme.RsaPkcs1 => new AlgorithmIdentifier(PkcsObjectIdentifiers.RsaEncryption, DerNull.Instance),
        SignatureScheme.RsaPss => new AlgorithmIdentifier(PkcsObjectIdentifiers.IdRsassaPss, PssParameters(hash)),
        SignatureScheme.Ecdsa => new AlgorithmIdentifier(
            hash == HashAlgorithmName.SHA256 ? X9ObjectIdentifiers.ECDsaWithSha256
            : hash == HashAlgorithmName.SHA384 ? X9ObjectIdentifiers.ECDsaWithSha384
            : X9ObjectIdentifiers.ECDsaWithSha512),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme)),
    };

    private static RsassaPssParameters PssParameters(HashAlgorithmName hash)
    {
        var digest = new AlgorithmIdentifier(DigestOid(hash), DerNull.Instance);
        return new RsassaPssParameters(digest, new AlgorithmIdentifier(PkcsObjectIdentifiers.IdMgf1, digest),
            DerInteger.ValueOf(HashLength(hash)), RsassaPssParameters.DefaultTrailerField);
    }

    /// <summary>Digest length in bytes.</summary>
    public static int HashLength(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA384 ? 48 : hash == HashAlgorithmName.SHA512 ? 64 : hash == HashAlgorithmName.SHA1 ? 20 : 32;
}
