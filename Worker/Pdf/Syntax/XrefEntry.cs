namespace Worker.Pdf.Syntax;

/// <summary>
/// One cross-reference entry: for <see cref="XrefEntryKind.InUse"/> the byte offset and generation, for
/// <see cref="XrefEntryKind.Compressed"/> the object stream's number and the index inside it.
/// </summary>
public readonly record struct XrefEntry(XrefEntryKind Kind, long Location, int Generation);
