namespace Worker.Pdf.Verification;

/// <summary>The verdict on one document timestamp.</summary>
internal sealed record DocumentTimestampCheck
{
    /// <summary>The imprint matches the byte ranges and the token's signature verifies.</summary>
    public required bool Intact { get; init; }

    /// <summary>The time the TSA vouched for, when intact.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The TSA certificate's common name.</summary>
    public string? AuthorityName { get; init; }

    /// <summary>The TSA and the token's certificates, when intact.</summary>
    public TimestampAuthority? Authority { get; init; }

    /// <summary>Chained to a trust anchor; null when no anchors were given.</summary>
    public bool? Trusted { get; init; }

    /// <summary>Failed checks, one phrase each.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    public static DocumentTimestampCheck Failed(string problem) => new() { Intact = false, Problems = [problem] };
}
