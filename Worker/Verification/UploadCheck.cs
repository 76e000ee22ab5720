using Worker.Pdf.Verification;
using Worker.Persistence;

namespace Worker.Verification;

/// <summary>What POST /verify found about one uploaded file.</summary>
public sealed record UploadCheck
{
    /// <summary>The uploaded file's name, as the browser sent it.</summary>
    public required string FileName { get; init; }

    /// <summary>The SHA-256 of the uploaded bytes (lower-case hex), which the page's revision buttons send back.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The filed document whose signed file has exactly these bytes; null when none has.</summary>
    public VerificationRecord? Matched { get; init; }

    /// <summary>The document whose page the upload was sent from (/verify/{id}), if any.</summary>
    public Guid? ExpectedId { get; init; }

    /// <summary>One verdict per signature in the file.</summary>
    public required IReadOnlyList<SignatureVerification> Signatures { get; init; }
}
