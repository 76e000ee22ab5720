namespace Worker.Pdf.Stamp;

/// <summary>What the visible signature stamp says.</summary>
public sealed record StampContent
{
    /// <summary>The heading used when none is given.</summary>
    public const string DefaultHeading = "Ditandatangani secara elektronik";

    /// <summary>The signer's full name, drawn in bold.</summary>
    public required string SignerName { get; init; }

    /// <summary>The signer's position (jabatan); the line is left out when blank.</summary>
    public required string Position { get; init; }

    /// <summary>When the document was signed; drawn in WITA (Asia/Makassar).</summary>
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>Why the document was signed; the line is left out when blank.</summary>
    public string? Reason { get; init; }

    /// <summary>The verification page the QR code points to, e.g. http://127.0.0.1:5080/verify/3f2a….</summary>
    public required string VerifyUrl { get; init; }

    /// <summary>The first text line.</summary>
    public string Heading { get; init; } = DefaultHeading;
}
