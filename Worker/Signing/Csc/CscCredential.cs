using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;

namespace Worker.Signing.Csc;

/// <summary>What credentials/info says about the official's credential.</summary>
public sealed record CscCredential
{
    /// <summary>The signer's certificate first, then the chain the service returned.</summary>
    public required IReadOnlyList<X509Certificate2> Chain { get; init; }
    /// <summary>How the key signs, from the certificate's public key (checked against the service's algorithm list).</summary>
    public required SignatureScheme Scheme { get; init; }
    /// <summary>The signAlgo OID sent to signatures/signHash.</summary>
    public required string SignAlgorithm { get; init; }
    /// <summary>Upper bound of one signature value's length in bytes.</summary>
    public required int MaxSignatureLength { get; init; }
}
