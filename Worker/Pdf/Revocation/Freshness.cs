namespace Worker.Pdf.Revocation;

/// <summary>
/// When a "not revoked" answer counts. A live answer counts unless past its next update. An embedded one counts only if
/// issued after the trusted signing time, or still current: an old "good" says nothing about a revocation since.
/// A "revoked" answer always counts.
/// </summary>
internal sealed record Freshness
{
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>Fetched just now from the responder or distribution point.</summary>
    public bool Live { get; init; }

    /// <summary>The signing time a trusted timestamp proves; null when the time is only claimed.</summary>
    public DateTimeOffset? SignedAt { get; init; }

    public static Freshness LiveAnswer { get; } = new() { Live = true };

    public bool Accepts(DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, DateTimeOffset now)
    {
        var current = nextUpdate is { } next && next >= now - Skew;
        if (Live) return nextUpdate is null || current;
        // The clock tolerance also covers an answer fetched right after signing whose whole-second thisUpdate precedes the TSA's time.
        return current || (SignedAt is { } signed && thisUpdate >= signed - Skew);
    }
}
