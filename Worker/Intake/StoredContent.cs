namespace Worker.Intake;

/// <summary>The original bytes of a document, kept in the content store.</summary>
/// <param name="Path">Where they are, or null when the file was only hashed.</param>
/// <param name="Size">Number of bytes.</param>
/// <param name="Sha256">SHA-256, lowercase hex.</param>
public sealed record StoredContent(string? Path, long Size, string Sha256);
