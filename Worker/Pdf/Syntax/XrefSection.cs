namespace Worker.Pdf.Syntax;

/// <summary>One cross-reference section (a table with its trailer, or an xref stream) and where it lies.</summary>
public sealed record XrefSection
{
    /// <summary>Byte offset of <c>xref</c> or of the xref stream's object header.</summary>
    public required long Offset { get; init; }

    /// <summary>A classic table (true) or an xref stream.</summary>
    public required bool IsTable { get; init; }

    /// <summary>The entries by object number; a hybrid file's /XRefStm entries are merged in.</summary>
    public required IReadOnlyDictionary<int, XrefEntry> Entries { get; init; }

    /// <summary>The trailer dictionary (the stream's dictionary for an xref stream).</summary>
    public required PdfDictionary Trailer { get; init; }

    /// <summary>The trailer's /Prev, when there is one.</summary>
    public long? Prev => Trailer.Integer("Prev");
}
