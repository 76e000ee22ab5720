namespace Worker.Pdf.Syntax;

/// <summary>The three kinds of cross-reference entry.</summary>
public enum XrefEntryKind
{
    Free,
    InUse,
    Compressed,
}
