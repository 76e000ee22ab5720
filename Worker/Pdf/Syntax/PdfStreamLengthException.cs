namespace Worker.Pdf.Syntax;

/// <summary>A stream whose dictionary read fine but whose /Length misses 'endstream': its data is inexact, its dictionary is known.</summary>
public sealed class PdfStreamLengthException(PdfDictionary dictionary) : PdfSyntaxException("a stream's /Length does not end at 'endstream'")
{
    /// <summary>The stream's dictionary, as read.</summary>
    public PdfDictionary Dictionary { get; } = dictionary;
}
