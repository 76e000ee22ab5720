using Worker.Pdf.Writing;

namespace Worker.Pdf.Signatures;

/// <summary>A written PDF whose signature still has a blank /ByteRange and a zero-filled /Contents.</summary>
public sealed record PreparedSignature
{
    /// <summary>The new field's fully qualified name.</summary>
    public required string FieldName { get; init; }

    /// <summary>Total length of the prepared file.</summary>
    public required long FileLength { get; init; }

    /// <summary>The /ByteRange array's reserved bytes, brackets included.</summary>
    public required ReservedRange ByteRange { get; init; }

    /// <summary>The /Contents hex string's reserved bytes, angle brackets included.</summary>
    public required ReservedRange Contents { get; init; }

    /// <summary>Why a requested visible stamp is not the widget (the signature is then invisible) and where it was drawn instead; null when placed or not asked for.</summary>
    public string? StampNote { get; init; }
}
