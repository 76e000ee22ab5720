namespace Worker.Pdf.Stamp;

/// <summary>A stamp's appearance: a content stream and the standard fonts it uses.</summary>
/// <param name="Content">The content stream, drawn upright in a box from (0,0) to (width,height).</param>
/// <param name="Fonts">Font resource names used by <paramref name="Content"/> mapped to standard-14
/// BaseFont names; each is meant to be declared as a Type1 font with /Encoding /WinAnsiEncoding.</param>
public sealed record StampDrawing(byte[] Content, IReadOnlyDictionary<string, string> Fonts);
