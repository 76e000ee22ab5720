namespace Worker.Pdf.Syntax;

/// <summary>A PDF object as our strict reader sees it; compared structurally by <see cref="PdfValueComparer"/>.</summary>
public abstract class PdfValue;
