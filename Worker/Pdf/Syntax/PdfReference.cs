namespace Worker.Pdf.Syntax;

/// <summary>An indirect reference <c>N G R</c>.</summary>
public sealed class PdfReference(int number, int generation) : PdfValue
{
    /// <summary>The object number.</summary>
    public int Number { get; } = number;

    /// <summary>The generation number.</summary>
    public int Generation { get; } = generation;

    public override string ToString() => $"{Number} {Generation} R";
}
