namespace Worker.Persistence;

/// <summary>What the database holds for a claimed document after recording it (or finding it already recorded).</summary>
/// <param name="Id">The document id.</param>
/// <param name="State">Received, Invalid or Duplicate right after intake; later states when found again.</param>
/// <param name="Error">Why it was refused, if it was.</param>
/// <param name="Inserted">True when this call created the row; false when it existed already.</param>
public sealed record RecordedDocument(Guid Id, DocumentState State, string? Error, bool Inserted);
