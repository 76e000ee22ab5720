namespace Worker.Configuration;

/// <summary><c>Worker:Verification</c>: what the verifier trusts and how it checks revocation.</summary>
public sealed class VerificationOptions
{
    /// <summary>PEM files of the roots a signature must chain to for "sah / valid"; empty means the roots of the configured signers' PKCS#12 chains.</summary>
    public List<string> TrustAnchors { get; set; } = [];
    /// <summary>Ask the OCSP responders and CRL distribution points that certificates name.</summary>
    public bool CheckRevocationOnline { get; set; } = true;
    /// <summary>How long the revocation checks of one certificate may take before its status is "unknown".</summary>
    public TimeSpan RevocationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At filing, how many more times to ask an OCSP responder or CRL server that did not answer, before filing at the level reached.</summary>
    public int RevocationAttempts { get; set; } = 3;
    /// <summary>The wait before each further attempt; the last one repeats when there are more attempts. Null means 2 s, 8 s, 30 s.</summary>
    /// <remarks>Null rather than a filled list: the configuration binder adds configured items to a list's existing ones.</remarks>
    public List<TimeSpan>? RevocationRetryDelays { get; set; }

    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(30)];

    /// <summary>One wait per further attempt (<see cref="RevocationAttempts"/> of them).</summary>
    public IReadOnlyList<TimeSpan> RetryDelays()
    {
        var delays = RevocationRetryDelays is { Count: > 0 } set ? set : DefaultRetryDelays;
        return Enumerable.Range(0, Math.Max(0, RevocationAttempts)).Select(i => delays[Math.Min(i, delays.Count - 1)]).ToList();
    }
}
