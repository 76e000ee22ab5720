namespace Worker.Pdf.Revocation;

/// <summary>What a certificate's issuer says about it.</summary>
public enum RevocationStatus
{
    /// <summary>The certificate names no OCSP responder or CRL, and no embedded data covers it.</summary>
    NotChecked,

    /// <summary>A signed answer from the issuer (or its responder) says it is not revoked.</summary>
    Good,

    /// <summary>A signed answer says it is revoked.</summary>
    Revoked,

    /// <summary>It names a responder or CRL but no usable answer came (unreachable, too slow, unsigned).</summary>
    Unknown,
}
