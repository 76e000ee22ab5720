namespace Worker.Persistence;

/// <summary>What the database knows about a claim's document, which outranks anything a ticket in the shared folder says.</summary>
/// <param name="Recorded">True when the document row exists.</param>
/// <param name="Route">The route it was recorded on; null when not recorded.</param>
/// <param name="SourceName">The file name it was recorded with; null when not recorded.</param>
/// <param name="ApiClient">The API client that submitted it: from the row, or from the Idempotency-Key reservation of its upload.</param>
public sealed record ClaimRecord(bool Recorded, string? Route, string? SourceName, string? ApiClient);
