namespace Worker.Pdf.Syntax;

/// <summary>An integer or real number.</summary>
public sealed class PdfNumber(double value) : PdfValue
{
    /// <summary>The value; integers up to 2^53 are exact.</summary>
    public double Value { get; } = value;

    /// <summary>The value as an integer when it is one and fits, else null.</summary>
    public long? AsLong => Value == Math.Floor(Value) && Math.Abs(Value) < 9e15 ? (long)Value : null;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
