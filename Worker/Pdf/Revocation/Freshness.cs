namespace Worker.Pdf.Revocation;

/// <summary>
/// When a "not revoked" answer counts. A live answer counts unless past its next update. An embedded one counts if issued
/// after the trusted signing time, or still current: an old "good" says nothing about a revocation since. About a CA
/// certificate, an embedded answer whose validity covers the signing time also counts (ETSI EN 319 102-1's default when no
/// freshness is set): CAs publish their CRL months apart, and a signer's or TSA's own certificate stays under the strict rule.
/// A "revoked" answer always counts.
/// </summary>
internal sealed record Freshness
{
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>Fetched just now from the responder or distribution point.</summary>
    public bool Live { get; init; }

    /// <summary>The signing time a trusted timestamp proves; null when the time is only claimed.</summary>
    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>The answer is about a CA certificate: one valid at the signing time is enough.</summary>
    public bool WindowSuffices { get; init; }

    /// <summary>Any signed answer counts: the question is whether the file holds one (its PAdES level), not whether it is recent enough.</summary>
    public bool AnyTime { get; init; }

    public static Freshness LiveAnswer { get; } = new() { Live = true };

    public bool Accepts(DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, DateTimeOffset now)
    {
        if (AnyTime) return true;
        var current = nextUpdate is { } next && next >= now - Skew;
        if (Live) return nextUpdate is null || current;
        if (current || SignedAt is not { } signed) return current;
        // The clock tolerance also covers an answer fetched right after signing whose whole-second thisUpdate precedes the TSA's time.
        return thisUpdate >= signed - Skew || (WindowSuffices && nextUpdate is { } until && until >= signed);
    }
}
