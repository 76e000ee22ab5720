namespace Worker.Pdf.Syntax;

/// <summary>The null object.</summary>
public sealed class PdfNull : PdfValue
{
    /// <summary>The one instance.</summary>
    public static readonly PdfNull Instance = new();

    private PdfNull() { }
}
