namespace Worker.Pdf.Stamp;

/// <summary>A stamp's appearance: a content stream, the standard fonts it uses, and the box it was drawn for.</summary>
/// <param name="Content">The content stream, drawn upright in a box from (0,0) to (width,height).</param>
/// <param name="Fonts">Font resource names used by <paramref name="Content"/> mapped to standard-14
/// BaseFont names; each is meant to be declared as a Type1 font with /Encoding /WinAnsiEncoding.</param>
/// <param name="Width">The box's width in points.</param>
/// <param name="Height">The box's height in points: more than asked for when the text needed it.</param>
public sealed record StampDrawing(byte[] Content, IReadOnlyDictionary<string, string> Fonts, double Width, double Height);
