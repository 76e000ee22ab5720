namespace Worker.Pdf.Reading;

/// <summary>How a cross-reference section is stored in the file.</summary>
public enum XrefKind
{
    /// <summary>A classic <c>xref</c> table followed by a <c>trailer</c> dictionary.</summary>
    Table,

    /// <summary>A cross-reference stream object (PDF 1.5+).</summary>
    Stream,
}
