namespace Worker.Pdf;

/// <summary>The input cannot or must not be signed; the message is one line a clerk can read.</summary>
public sealed class PdfRefusedException(PdfRefusal kind, string reason) : Exception(reason)
{
    /// <summary>Why, as a category the intake can file under.</summary>
    public PdfRefusal Kind { get; } = kind;
}
