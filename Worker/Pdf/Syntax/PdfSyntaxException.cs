namespace Worker.Pdf.Syntax;

/// <summary>The strict reader met bytes that are not the PDF they claim to be; the message is one plain phrase.</summary>
public class PdfSyntaxException(string message) : Exception(message);
