namespace Worker.Pdf.Verification;

/// <summary>The answers a signature can get (the fourth only when validating offline at a date); <see cref="VerdictWords"/> holds the fixed words for each.</summary>
public enum SignatureVerdict
{
    /// <summary>Intact, unmodified, chains to a trust anchor, certificate valid (and not revoked) at the signing time.</summary>
    Valid,

    /// <summary>Intact and unmodified, but the signer does not chain to a trust anchor (or none were given).</summary>
    IntactUntrusted,

    /// <summary>Intact and trusted, but what the file embeds cannot prove it valid at the validation time (verify --at DATE --offline).</summary>
    NotVerifiableOffline,

    /// <summary>Broken, modified, revoked or unreadable.</summary>
    Invalid,
}
