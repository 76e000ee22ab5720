using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Worker.Pdf.Keys;

/// <summary>Signs digests with the private key of a PKCS#12 file whose password sits in a separate file.</summary>
public sealed class Pkcs12DigestSigner : IDigestSigner, IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    // .NET does not promise that one key object may sign on several threads at once; batches sign in parallel.
    private readonly Lock _signing = new();

    private Pkcs12DigestSigner(IReadOnlyList<X509Certificate2> chain, AsymmetricAlgorithm key, SignatureScheme scheme)
    {
        Chain = chain;
        _key = key;
        Scheme = scheme;
        MaxSignatureLength = key switch
        {
            RSA rsa => (rsa.KeySize + 7) / 8,
            // DER SEQUENCE of two INTEGERs, each at most one byte longer than the field size.
            ECDsa ec => 2 * ((ec.KeySize + 7) / 8 + 3) + 3,
            _ => throw new SigningKeyException("unsupported key type"),
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<X509Certificate2> Chain { get; }

    /// <inheritdoc />
    public SignatureScheme Scheme { get; }

    /// <inheritdoc />
    public int MaxSignatureLength { get; }

    /// <summary>
    /// Loads the key; RSA keys sign with PKCS#1 v1.5 unless <paramref name="rsaPss"/>.
    /// Refuses a certificate that is not valid at <paramref name="now"/>.
    /// </summary>
    public static Pkcs12DigestSigner Open(string pkcs12Path, string passwordFile, bool rsaPss = false, DateTimeOffset? now = null)
    {
        if (!File.Exists(pkcs12Path))
            throw new SigningKeyException($"PKCS#12 file not found: {pkcs12Path}");
        if (!File.Exists(passwordFile))
            throw new SigningKeyException($"password file not found: {passwordFile}");
        // One trailing newline is what editors and `echo` add; it is not part of the password.
        var password = File.ReadAllText(passwordFile).TrimEnd('\r', '\n');
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12CollectionFromFile(pkcs12Path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new SigningKeyException($"cannot open {Path.GetFileName(pkcs12Path)}: wrong password or not a PKCS#12 file", e);
        }
        var signer = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new SigningKeyException($"{Path.GetFileName(pkcs12Path)} holds no private key");
        EnsureValidAt(signer, now ?? DateTimeOffset.UtcNow);
        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)signer.GetRSAPrivateKey() ?? signer.GetECDsaPrivateKey()
            ?? throw new SigningKeyException("only RSA and ECDSA keys are supported");
        var scheme = key is RSA ? (rsaPss ? SignatureScheme.RsaPss : SignatureScheme.RsaPkcs1) : SignatureScheme.Ecdsa;
        return new Pkcs12DigestSigner(ChainOrder.From(signer, all), key, scheme);
    }

    /// <summary>Refuses, with a one-line reason, a certificate that is not valid at <paramref name="now"/>.</summary>
    public static void EnsureValidAt(X509Certificate2 certificate, DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        if (at > certificate.NotAfter.ToUniversalTime())
            throw new SigningKeyException($"certificate '{certificate.GetNameInfo(X509NameType.SimpleName, false)}' expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}");
        if (at < certificate.NotBefore.ToUniversalTime())
            throw new SigningKeyException($"certificate '{certificate.GetNameInfo(X509NameType.SimpleName, false)}' is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd}");
    }

    /// <inheritdoc />
    public Task<byte[]> SignDigestAsync(byte[] digest, HashAlgorithmName hash, CancellationToken cancellationToken)
    {
        lock (_signing)
        {
            return Task.FromResult(_key switch
            {
                RSA rsa => rsa.SignHash(digest, hash, Scheme == SignatureScheme.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
                ECDsa ec => ec.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence),
                _ => throw new SigningKeyException("unsupported key type"),
            });
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _key.Dispose();
        foreach (var cert in Chain) cert.Dispose();
    }
}
