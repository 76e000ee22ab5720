namespace Worker.Pdf.Syntax;

/// <summary>A literal or hexadecimal string, as its decoded bytes.</summary>
public sealed class PdfString(byte[] bytes, bool hex) : PdfValue
{
    /// <summary>The string's bytes after escapes (or hex digits) are decoded.</summary>
    public byte[] Bytes { get; } = bytes;

    /// <summary>Written as a hexadecimal string.</summary>
    public bool Hex { get; } = hex;
}
