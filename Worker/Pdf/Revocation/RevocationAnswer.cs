namespace Worker.Pdf.Revocation;

/// <summary>The revocation status of one certificate and where it came from.</summary>
public sealed record RevocationAnswer
{
    /// <summary>Good, revoked, unknown or not checked.</summary>
    public required RevocationStatus Status { get; init; }

    /// <summary>When the issuer says it was revoked; null unless <see cref="Status"/> is Revoked.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Where the answer came from ("OCSP http://…", "CRL http://…", "embedded OCSP"), or why there is none.</summary>
    public required string Source { get; init; }

    public static RevocationAnswer NotChecked { get; } = new() { Status = RevocationStatus.NotChecked, Source = "no OCSP responder or CRL named" };
}
