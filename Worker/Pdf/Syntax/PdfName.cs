namespace Worker.Pdf.Syntax;

/// <summary>A name object, with its #xx escapes decoded.</summary>
public sealed class PdfName(string value) : PdfValue
{
    /// <summary>The name without the leading slash.</summary>
    public string Value { get; } = value;

    public override string ToString() => "/" + Value;
}
