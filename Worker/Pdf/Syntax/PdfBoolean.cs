namespace Worker.Pdf.Syntax;

/// <summary>true or false.</summary>
public sealed class PdfBoolean(bool value) : PdfValue
{
    /// <summary>The value.</summary>
    public bool Value { get; } = value;
}
