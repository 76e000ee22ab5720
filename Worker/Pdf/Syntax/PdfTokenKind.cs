namespace Worker.Pdf.Syntax;

/// <summary>What a lexical token is.</summary>
public enum PdfTokenKind
{
    End,
    Number,
    Name,
    String,
    ArrayStart,
    ArrayEnd,
    DictionaryStart,
    DictionaryEnd,
    Keyword,
}
