using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Signing.Keys;

/// <summary>What the signers check asks of a local key: a signature over a random digest that its certificate verifies, and a complete chain.</summary>
public static class TestSignature
{
    /// <summary>True when the key signs a random SHA-256 digest and the certificate's public key verifies the value.</summary>
    public static async Task<bool> VerifiesAsync(IDigestSigner key, CancellationToken ct)
    {
        var digest = RandomNumberGenerator.GetBytes(32);
        var value = await key.SignDigestAsync(digest, HashAlgorithmName.SHA256, ct);
        var certificate = key.Chain[0];
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
            return rsa.VerifyHash(digest, value, HashAlgorithmName.SHA256, key.Scheme == SignatureScheme.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        using var ec = certificate.GetECDsaPublicKey();
        return ec is not null && ec.VerifyHash(digest, value, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>The issuer name the chain stops at, or null when it ends at a self-signed root or at a trust anchor's subject.</summary>
    public static string? MissingIssuer(IReadOnlyList<X509Certificate2> chain, X509Certificate2Collection anchors)
    {
        var last = chain[^1];
        if (last.SubjectName.RawData.AsSpan().SequenceEqual(last.IssuerName.RawData)) return null;
        return anchors.Any(a => a.SubjectName.RawData.AsSpan().SequenceEqual(last.IssuerName.RawData)) ? null : last.Issuer;
    }
}
