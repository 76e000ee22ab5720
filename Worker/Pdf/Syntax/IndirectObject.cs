namespace Worker.Pdf.Syntax;

/// <summary>An object read from <c>N G obj … endobj</c>.</summary>
public sealed record IndirectObject(int Number, int Generation, PdfValue Value);
