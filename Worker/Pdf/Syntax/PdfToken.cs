namespace Worker.Pdf.Syntax;

/// <summary>One lexical token.</summary>
public readonly record struct PdfToken(PdfTokenKind Kind, long Start, string Text = "", PdfValue? Value = null);
