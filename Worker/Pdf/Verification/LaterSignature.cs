namespace Worker.Pdf.Verification;

/// <summary>A signature of the same file whose bytes verified, as the modification analysis of earlier ones needs it.</summary>
public sealed record LaterSignature
{
    /// <summary>Its /ByteRange.</summary>
    public required IReadOnlyList<long> ByteRange { get; init; }

    /// <summary>The end of the revision it signs.</summary>
    public required long RevisionEnd { get; init; }

    /// <summary>A document timestamp (long-term validation data, allowed even after a no-changes certification).</summary>
    public bool IsDocumentTimestamp { get; init; }
}
