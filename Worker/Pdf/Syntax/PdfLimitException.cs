namespace Worker.Pdf.Syntax;

/// <summary>A hard limit was hit (or a structure loops forever): hostile or unreadable, never something a repair makes safe.</summary>
public sealed class PdfLimitException(string message) : PdfSyntaxException(message);
