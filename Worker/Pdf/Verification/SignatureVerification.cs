using Worker.Pdf.Revocation;

namespace Worker.Pdf.Verification;

/// <summary>The verdict on one signature in a PDF.</summary>
public sealed record SignatureVerification
{
    /// <summary>The signature field's fully qualified name.</summary>
    public required string FieldName { get; init; }

    /// <summary>The object number of the /V dictionary (null when direct), so a certification can be recognised.</summary>
    internal long? SignatureObject { get; init; }

    /// <summary>The signing certificate's common name, when the CMS could be read.</summary>
    public string? SignerName { get; init; }

    /// <summary>The signing certificate, when the CMS could be read (the signing port checks whose it is).</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? SignerCertificate { get; init; }

    /// <summary>Timestamp time when a valid token is present, otherwise the claimed /M.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>The /ByteRange as written.</summary>
    public required IReadOnlyList<long> ByteRange { get; init; }

    /// <summary>The byte range covers its whole revision except exactly the /Contents string.</summary>
    public required bool ByteRangeCoversRevision { get; init; }

    /// <summary>The signature is the file's last revision (nothing was appended after it).</summary>
    public required bool CoversWholeFile { get; init; }

    /// <summary>The CMS message-digest equals the digest of the byte ranges.</summary>
    public required bool DigestMatches { get; init; }

    /// <summary>The signature value verifies with the signer certificate's public key.</summary>
    public required bool SignatureValueValid { get; init; }

    /// <summary>The signer certificate was within its validity period at <see cref="SigningTime"/>.</summary>
    public required bool CertificateValidAtSigningTime { get; init; }

    /// <summary>Chained to a trust anchor; null when no anchors were given.</summary>
    public bool? ChainTrusted { get; init; }

    /// <summary>The timestamp token's imprint and signature check out; null when there is no timestamp.</summary>
    public bool? TimestampValid { get; init; }

    /// <summary>The time the TSA vouched for, when the timestamp is valid; null otherwise.</summary>
    public DateTimeOffset? TimestampTime { get; init; }

    /// <summary>A document timestamp (/ETSI.RFC3161, PAdES B-LTA) rather than a person's signature; <see cref="SignerName"/> is the TSA.</summary>
    public bool IsDocumentTimestamp { get; init; }

    /// <summary>The PAdES baseline level the file gives this signature: B-B, B-T, B-LT or B-LTA.</summary>
    public string Level { get; init; } = "B-B";

    /// <summary>Later revisions only add what incremental signing may add.</summary>
    public required bool LaterChangesAllowed { get; init; }

    /// <summary>The valid timestamp's TSA chains to a trust anchor; null without anchors or without a valid timestamp.</summary>
    public bool? TimestampTrusted { get; init; }

    /// <summary>The time a recognised TSA vouches for; null when the time is only claimed.</summary>
    public DateTimeOffset? TrustedTime => TimestampTrusted == true ? TimestampTime : null;

    /// <summary>True when <see cref="SigningTime"/> is only the signer's claim (/M) or a TSA not chaining to an anchor.</summary>
    public bool TimeIsClaimed => TrustedTime is null;

    /// <summary>The worst revocation status found along the chain; NotChecked when no anchor chain was built.</summary>
    public RevocationStatus Revocation { get; init; } = RevocationStatus.NotChecked;

    /// <summary>Every failed check, one short phrase each; empty when intact.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Deviations and doubts that do not make the signature invalid (BER CMS, field only in /Annots, revocation unknown).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What the file lacks to prove this signature valid at the validation time (offline at a date); empty when proven or not asked.</summary>
    public IReadOnlyList<string> Unproven { get; init; } = [];

    /// <summary>No check failed: the signed bytes are intact and nothing disallowed was changed afterwards.</summary>
    public bool IsIntact => Problems.Count == 0;

    /// <summary>Valid, intact from an unrecognised signer, not verifiable offline at the validation time, or invalid.</summary>
    public SignatureVerdict Verdict => !IsIntact ? SignatureVerdict.Invalid
        : Unproven.Count > 0 ? SignatureVerdict.NotVerifiableOffline
        : ChainTrusted == true && CertificateValidAtSigningTime ? SignatureVerdict.Valid
        : SignatureVerdict.IntactUntrusted;

    /// <summary>"sah / valid": intact and chained to a trust anchor.</summary>
    public bool IsValid => Verdict == SignatureVerdict.Valid;

    /// <summary>The verdict's words, then the problems when invalid.</summary>
    public string Summary => !IsIntact ? string.Join("; ", Problems)
        : Unproven.Count > 0 ? string.Join("; ", Unproven)
        : VerdictWords.For(Verdict);
}
