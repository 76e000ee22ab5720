namespace Worker.Pdf.Syntax;

/// <summary>A dictionary; a key written twice keeps its last value, as most readers do.</summary>
public sealed class PdfDictionary(IReadOnlyDictionary<string, PdfValue> entries) : PdfValue
{
    /// <summary>Keys without the leading slash.</summary>
    public IReadOnlyDictionary<string, PdfValue> Entries { get; } = entries;

    /// <summary>The value of <paramref name="key"/> as written (a reference stays a reference), or null.</summary>
    public PdfValue? this[string key] => Entries.GetValueOrDefault(key);

    /// <summary>The name value of <paramref name="key"/> when it is a direct name.</summary>
    public string? Name(string key) => Entries.GetValueOrDefault(key) is PdfName n ? n.Value : null;

    /// <summary>The integer value of <paramref name="key"/> when it is a direct integer.</summary>
    public long? Integer(string key) => Entries.GetValueOrDefault(key) is PdfNumber n ? n.AsLong : null;
}
