using Worker.Intake;

namespace Worker.Api;

/// <summary>A checked <c>POST /api/documents</c>, ready for intake.</summary>
public sealed record ApiSubmission
{
    /// <summary>Who sent it.</summary>
    public required ApiClient Client { get; init; }
    /// <summary>The file and its fields, as intake takes them.</summary>
    public required IntakeUpload Upload { get; init; }
    /// <summary>SHA-256 of the uploaded bytes.</summary>
    public required string Sha256 { get; init; }
    /// <summary>The Idempotency-Key header, if sent.</summary>
    public string? IdempotencyKey { get; init; }
}
