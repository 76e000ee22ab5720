using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Verification;

/// <summary>The TSA behind a valid timestamp token, kept so a long-term validation can check it at a later proven time.</summary>
internal sealed record TimestampAuthority
{
    /// <summary>The certificate that signed the token.</summary>
    public required BcCertificate Certificate { get; init; }

    /// <summary>The certificates the token carries (its chain, as far as the TSA included it).</summary>
    public required IReadOnlyList<BcCertificate> Pool { get; init; }

    /// <summary>The time the token vouches for.</summary>
    public required DateTimeOffset Time { get; init; }
}
