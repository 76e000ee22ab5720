namespace Worker.Pdf.Syntax;

/// <summary>An array.</summary>
public sealed class PdfArray(IReadOnlyList<PdfValue> items) : PdfValue
{
    /// <summary>The elements in order.</summary>
    public IReadOnlyList<PdfValue> Items { get; } = items;
}
