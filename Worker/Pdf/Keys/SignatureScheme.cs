namespace Worker.Pdf.Keys;

/// <summary>How a key turns a digest into a signature value.</summary>
public enum SignatureScheme
{
    /// <summary>RSA with PKCS#1 v1.5 padding.</summary>
    RsaPkcs1,

    /// <summary>RSA with PSS padding (MGF1 with the same hash, salt as long as the hash).</summary>
    RsaPss,

    /// <summary>ECDSA; the value is a DER SEQUENCE of r and s.</summary>
    Ecdsa,
}
