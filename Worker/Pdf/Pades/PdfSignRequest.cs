using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Keys;
using Worker.Pdf.Signatures;
using Worker.Pdf.Timestamps;

namespace Worker.Pdf.Pades;

/// <summary>One PDF to sign.</summary>
public sealed record PdfSignRequest
{
    /// <summary>The PDF to sign; never modified.</summary>
    public required string InputPath { get; init; }

    /// <summary>Where the signed PDF goes; written to a temporary file first, then renamed.</summary>
    public required string OutputPath { get; init; }

    /// <summary>The key that signs.</summary>
    public required IDigestSigner Signer { get; init; }

    /// <summary>Digest for the document and the signed attributes.</summary>
    public HashAlgorithmName Hash { get; init; } = HashAlgorithmName.SHA256;

    /// <summary>/Reason, if any.</summary>
    public string? Reason { get; init; }

    /// <summary>/Location, if any.</summary>
    public string? Location { get; init; }

    /// <summary>/Name; defaults to the certificate's common name.</summary>
    public string? Name { get; init; }

    /// <summary>/ContactInfo, if any.</summary>
    public string? ContactInfo { get; init; }

    /// <summary>The visible stamp, or null for an invisible signature.</summary>
    public VisibleSignature? Visible { get; init; }

    /// <summary>The claimed signing time for /M; now when null.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>Timestamps the signature value (PAdES B-T) and sizes the room for its token; null signs without a timestamp.</summary>
    public ITimeStamper? TimeStamper { get; init; }

    /// <summary>Trust anchors the self-check must chain the signer to; null skips the chain check.</summary>
    public X509Certificate2Collection? TrustAnchors { get; init; }
}
