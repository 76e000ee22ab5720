using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Revocation;

namespace Worker.Pdf.Verification;

/// <summary>What a verification trusts and asks: the anchors and the online revocation check.</summary>
public sealed record VerificationPolicy
{
    /// <summary>Roots a signer must chain to for "sah / valid"; null means none (every intact signature is "not recognised").</summary>
    public X509Certificate2Collection? TrustAnchors { get; init; }

    /// <summary>Asks OCSP responders and CRL distribution points; null uses only revocation data embedded in the file.</summary>
    public OnlineRevocationChecker? Revocation { get; init; }

    /// <summary>Validates as of this time with only what the file embeds (long-term validation, never online); null means now, as usual.</summary>
    public DateTimeOffset? ValidationTime { get; init; }
}
