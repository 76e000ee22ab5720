using System.Formats.Asn1;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using Worker.Pdf.Keys;

namespace Worker.Signing.Pkcs11;

/// <summary>What a token is asked to sign for each scheme, and how its answer becomes the value CMS expects.</summary>
internal static class Pkcs11Mechanisms
{
    /// <summary>The mechanism for <paramref name="scheme"/> over a digest made with <paramref name="hash"/>.</summary>
    public static IMechanism For(SignatureScheme scheme, HashAlgorithmName hash)
    {
        var mechanisms = Pkcs11Module.Factories.MechanismFactory;
        return scheme switch
        {
            SignatureScheme.RsaPkcs1 => mechanisms.Create(CKM.CKM_RSA_PKCS),
            // MGF1 with the same hash and a salt as long as the hash, as the engine's CMS announces.
            SignatureScheme.RsaPss => mechanisms.Create(CKM.CKM_RSA_PKCS_PSS, Pkcs11Module.Factories.MechanismParamsFactory.CreateCkRsaPkcsPssParams(
                (ulong)Pss(hash).Hash, (ulong)Pss(hash).Mgf, (ulong)Pss(hash).Length)),
            _ => mechanisms.Create(CKM.CKM_ECDSA),
        };
    }

    /// <summary>The bytes handed to C_Sign: CKM_RSA_PKCS pads but does not wrap, so the DigestInfo is ours to add.</summary>
    public static byte[] Input(SignatureScheme scheme, byte[] digest, HashAlgorithmName hash) =>
        scheme == SignatureScheme.RsaPkcs1 ? [.. DigestInfoPrefix(hash), .. digest] : digest;

    /// <summary>The token's answer as CMS wants it: ECDSA's raw r‖s becomes a DER SEQUENCE of two INTEGERs.</summary>
    public static byte[] Output(SignatureScheme scheme, byte[] value)
    {
        if (scheme != SignatureScheme.Ecdsa) return value;
        if (value.Length == 0 || value.Length % 2 != 0) throw new SigningKeyException($"the token returned an ECDSA value of {value.Length} bytes, not r and s");
        var half = value.Length / 2;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(Minimal(value.AsSpan(0, half)));
            writer.WriteIntegerUnsigned(Minimal(value.AsSpan(half)));
        }
        return writer.Encode();
    }

    // DER wants no leading zero bytes; r or s starts with one in about one signature of 256.
    private static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> value)
    {
        var zeros = 0;
        while (zeros < value.Length - 1 && value[zeros] == 0) zeros++;
        return value[zeros..];
    }

    private static (CKM Hash, CKG Mgf, int Length) Pss(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA256 ? (CKM.CKM_SHA256, CKG.CKG_MGF1_SHA256, 32)
        : hash == HashAlgorithmName.SHA384 ? (CKM.CKM_SHA384, CKG.CKG_MGF1_SHA384, 48)
        : hash == HashAlgorithmName.SHA512 ? (CKM.CKM_SHA512, CKG.CKG_MGF1_SHA512, 64)
        : throw new SigningKeyException($"RSA-PSS on a token with {hash.Name} is not supported");

    // DER of DigestInfo up to the digest's OCTET STRING header (RFC 8017, section 9.2, note 1).
    private static byte[] DigestInfoPrefix(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA256 ? Convert.FromHexString("3031300d060960864801650304020105000420")
        : hash == HashAlgorithmName.SHA384 ? Convert.FromHexString("3041300d060960864801650304020205000430")
        : hash == HashAlgorithmName.SHA512 ? Convert.FromHexString("3051300d060960864801650304020305000440")
        : throw new SigningKeyException($"RSA PKCS#1 on a token with {hash.Name} is not supported");
}
