using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Worker.Pdf.Keys;

namespace Worker.Signing.Csc;

/// <summary>Reads a credentials/info answer: the chain, whether key and certificate may sign, and how the key signs.</summary>
public static class CscCredentialReader
{
    public static CscCredential Read(JsonElement root)
    {
        var key = root.TryGetProperty(CscWire.Key, out var k) && k.ValueKind == JsonValueKind.Object ? k : default;
        var cert = root.TryGetProperty(CscWire.Cert, out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        if (key.ValueKind != JsonValueKind.Object || cert.ValueKind != JsonValueKind.Object)
            throw CscClient.Refused("jawaban credentials/info tanpa key dan cert / the credentials/info answer lacks key and cert");
        var keyStatus = CscClient.Text(key, CscWire.Status);
        if (keyStatus.Length > 0 && keyStatus != CscWire.KeyEnabled)
            throw Unusable($"kunci berstatus {keyStatus} / the key is {keyStatus}");
        var certStatus = CscClient.Text(cert, CscWire.Status);
        if (certStatus.Length > 0 && certStatus != CscWire.CertValid)
            throw Unusable($"sertifikat berstatus {certStatus} / the certificate is {certStatus}");
        if (root.TryGetProperty(CscWire.Auth, out var auth) && auth.ValueKind == JsonValueKind.Object
            && CscClient.Text(auth, CscWire.Mode) is { Length: > 0 } mode && mode != CscWire.Explicit)
            throw Unusable($"mode otorisasi '{mode}' tidak didukung (hanya explicit: PIN/OTP) / authorization mode '{mode}' is not supported (only explicit: PIN/OTP)");
        var chain = Certificates(cert);
        var algorithms = key.TryGetProperty(CscWire.Algo, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToHashSet()
            : [];
        return Scheme(chain, algorithms);
    }

    private static List<X509Certificate2> Certificates(JsonElement cert)
    {
        if (!cert.TryGetProperty(CscWire.Certificates, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            throw CscClient.Refused("jawaban credentials/info tanpa sertifikat / the credentials/info answer holds no certificate");
        try
        {
            return list.EnumerateArray().Select(v => X509CertificateLoader.LoadCertificate(v.GetBytesFromBase64())).ToList();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or CryptographicException)
        {
            throw CscClient.Refused("sertifikat dalam credentials/info tidak terbaca / a certificate in credentials/info cannot be read", e);
        }
    }

    // The certificate decides the key type; the service's list must allow the algorithm we will ask for.
    private static CscCredential Scheme(List<X509Certificate2> chain, HashSet<string> algorithms)
    {
        var signer = chain[0];
        bool Allows(params string[] oids) => algorithms.Count == 0 || oids.Any(algorithms.Contains);
        using var rsa = signer.GetRSAPublicKey();
        if (rsa is not null && Allows(CscWire.RsaEncryption, CscWire.Sha256WithRsa))
            return new CscCredential
            {
                Chain = chain, Scheme = SignatureScheme.RsaPkcs1, MaxSignatureLength = (rsa.KeySize + 7) / 8,
                SignAlgorithm = algorithms.Contains(CscWire.RsaEncryption) || algorithms.Count == 0 ? CscWire.RsaEncryption : CscWire.Sha256WithRsa,
            };
        using var ec = signer.GetECDsaPublicKey();
        if (ec is not null && Allows(CscWire.EcPublicKey, CscWire.EcdsaWithSha256))
            return new CscCredential
            {
                // DER SEQUENCE of two INTEGERs, each at most one byte longer than the field size.
                Chain = chain, Scheme = SignatureScheme.Ecdsa, MaxSignatureLength = 2 * ((ec.KeySize + 7) / 8 + 3) + 3,
                SignAlgorithm = CscWire.EcdsaWithSha256,
            };
        throw Unusable($"kunci {signer.PublicKey.Oid.FriendlyName} dengan algoritme [{string.Join(", ", algorithms)}] tidak didukung (RSA PKCS#1 v1.5 atau ECDSA) / " +
            $"a {signer.PublicKey.Oid.FriendlyName} key with algorithms [{string.Join(", ", algorithms)}] is not supported (RSA PKCS#1 v1.5 or ECDSA)");
    }

    private static CscException Unusable(string what) =>
        new(CscFailure.CredentialUnusable, $"Kredensial CSC tidak dapat menandatangani / the CSC credential cannot sign: {what}");
}
