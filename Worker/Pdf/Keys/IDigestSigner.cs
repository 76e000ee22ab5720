using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Worker.Pdf.Keys;

/// <summary>
/// A key that signs a precomputed digest: a PKCS#12 file today, a PKCS#11 token or a remote signing
/// service later. It never sees documents.
/// </summary>
public interface IDigestSigner
{
    /// <summary>The signer's certificate first, then the chain up to (and including) the root when known.</summary>
    IReadOnlyList<X509Certificate2> Chain { get; }

    /// <summary>How <see cref="SignDigestAsync"/> signs.</summary>
    SignatureScheme Scheme { get; }

    /// <summary>Upper bound of a signature value's length in bytes, used to size the PDF placeholder.</summary>
    int MaxSignatureLength { get; }

    /// <summary>Signs <paramref name="digest"/>, which was computed with <paramref name="hash"/>.</summary>
    Task<byte[]> SignDigestAsync(byte[] digest, HashAlgorithmName hash, CancellationToken cancellationToken);
}
