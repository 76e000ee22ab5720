using Worker.Pdf.Verification;

namespace Worker.Pdf.Pades;

/// <summary>A signed and self-verified PDF.</summary>
public sealed record PdfSignResult
{
    /// <summary>Where the signed file now is.</summary>
    public required string OutputPath { get; init; }

    /// <summary>The new signature field's name.</summary>
    public required string FieldName { get; init; }

    /// <summary>The signed file's /ByteRange.</summary>
    public required long[] ByteRange { get; init; }

    /// <summary>The verifier's verdict on the new signature (always valid, or signing would have failed).</summary>
    public required SignatureVerification Verification { get; init; }

    /// <summary>Why the requested visible stamp is not the widget (the signature is invisible) and where it was drawn instead; null when it was placed or not asked for.</summary>
    public string? StampNote { get; init; }
}
