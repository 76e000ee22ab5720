using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Signing.Csc;

/// <summary>
/// A key at a CSC service, for our engine: the engine hashes the CMS signed attributes, and this signer has the service
/// authorize that one hash with the official's PIN/OTP and sign it; the engine then builds the CMS around the value.
/// </summary>
public sealed class CscDigestSigner(CscClient client, CscCredential credential, PersonalSecret secret, string secretKind) : IDigestSigner
{
    public IReadOnlyList<X509Certificate2> Chain => credential.Chain;

    public SignatureScheme Scheme => credential.Scheme;

    public int MaxSignatureLength => credential.MaxSignatureLength;

    public async Task<byte[]> SignDigestAsync(byte[] digest, HashAlgorithmName hash, CancellationToken cancellationToken)
    {
        if (hash != HashAlgorithmName.SHA256 || digest.Length != 32)
            throw new SigningKeyException($"CSC signing takes SHA-256 digests only, not {hash.Name}");
        var value = (await client.SignHashesAsync(secret, secretKind, [digest], credential.SignAlgorithm, cancellationToken))[0];
        return Scheme == SignatureScheme.Ecdsa ? EcdsaDer(value) : Checked(value);
    }

    // A value longer than the modulus is no PKCS#1 signature of this key; a shorter one lost its leading zeros.
    private byte[] Checked(byte[] value)
    {
        if (value.Length > MaxSignatureLength)
            throw CscClient.Refused($"tanda tangan {value.Length} bita, lebih dari {MaxSignatureLength} / a {value.Length}-byte signature value, more than {MaxSignatureLength}");
        if (value.Length == MaxSignatureLength) return value;
        var padded = new byte[MaxSignatureLength];
        value.CopyTo(padded, MaxSignatureLength - value.Length);
        return padded;
    }

    // CMS wants the DER SEQUENCE of r and s; some services return r||s (IEEE P1363) instead.
    private byte[] EcdsaDer(byte[] value)
    {
        if (IsDer(value)) return value;
        if (value.Length % 2 != 0 || value.Length > MaxSignatureLength)
            throw CscClient.Refused($"tanda tangan ECDSA {value.Length} bita tidak terbaca / a {value.Length}-byte ECDSA value cannot be read");
        var half = value.Length / 2;
        var der = new AsnWriter(AsnEncodingRules.DER);
        using (der.PushSequence())
        {
            der.WriteInteger(new BigInteger(value.AsSpan(0, half), isUnsigned: true, isBigEndian: true));
            der.WriteInteger(new BigInteger(value.AsSpan(half), isUnsigned: true, isBigEndian: true));
        }
        return der.Encode();
    }

    // A first byte of 0x30 alone could be r's; only a complete SEQUENCE of two INTEGERs is DER.
    private static bool IsDer(byte[] value)
    {
        try
        {
            var reader = new AsnReader(value, AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            sequence.ReadInteger();
            sequence.ReadInteger();
            return !reader.HasData && !sequence.HasData;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
