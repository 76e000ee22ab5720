namespace Worker.Pdf.Verification;

/// <summary>What the /ByteRange says about the bytes it covers.</summary>
internal sealed record ByteRangeInspection
{
    /// <summary>Problems found; empty when the range is sound.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Deviations that do not make the signature invalid (a BER-encoded CMS).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The CMS found in the gap, without the zero padding; null when unreadable.</summary>
    public byte[]? Cms { get; init; }

    /// <summary>Offset just past the signed revision's %%EOF line.</summary>
    public long RevisionEnd { get; init; }
}
