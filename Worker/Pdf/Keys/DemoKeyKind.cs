namespace Worker.Pdf.Keys;

/// <summary>Key types the demo certificates can have.</summary>
public enum DemoKeyKind
{
    /// <summary>RSA, 2048 bits.</summary>
    Rsa2048,

    /// <summary>ECDSA on NIST P-256.</summary>
    EcP256,

    /// <summary>ECDSA on NIST P-384.</summary>
    EcP384,
}
