using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Worker.Pdf.Cms;

namespace Worker.Pdf.Verification;

/// <summary>
/// Verifies a SignerInfo's signature over its DER signed attributes with .NET's RSA and ECDSA (BouncyCastle's
/// own verification costs ~100 ms a call here, too slow for batch signing, where every output is checked).
/// </summary>
internal static class SignatureValueVerifier
{
    public static bool Verify(SignerInformation signer, X509Certificate2 certificate)
    {
        var data = signer.GetEncodedSignedAttributes();
        var signature = signer.GetSignature();
        if (data is null || CmsAlgorithms.HashFromOid(signer.DigestAlgorithmID.Algorithm.Id) is not { } hash)
            return false;
        var algorithm = signer.SignatureAlgorithm;
        try
        {
            switch (algorithm.Algorithm.Id)
            {
                case "1.2.840.113549.1.1.1" or "1.2.840.113549.1.1.11" or "1.2.840.113549.1.1.12" or "1.2.840.113549.1.1.13":
                    using (var rsa = certificate.GetRSAPublicKey())
                        return rsa is not null && rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
                case "1.2.840.113549.1.1.10":
                    var pss = RsassaPssParameters.GetInstance(algorithm.Parameters);
                    var pssHash = CmsAlgorithms.HashFromOid(pss.HashAlgorithm.Algorithm.Id);
                    // .NET verifies PSS with a salt as long as the hash; other salt lengths are rejected here.
                    if (pssHash is null || pss.SaltLength.IntValueExact != CmsAlgorithms.HashLength(pssHash.Value)) return false;
                    using (var rsa = certificate.GetRSAPublicKey())
                        return rsa is not null && rsa.VerifyData(data, signature, pssHash.Value, RSASignaturePadding.Pss);
                case "1.2.840.10045.2.1" or "1.2.840.10045.4.3.2" or "1.2.840.10045.4.3.3" or "1.2.840.10045.4.3.4":
                    using (var ec = certificate.GetECDsaPublicKey())
                        return ec is not null && ec.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
                default:
                    return false;
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
