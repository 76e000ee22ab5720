namespace Worker.Pdf.Stamp;

/// <summary>A line of text made to fit its width.</summary>
/// <param name="Text">The WinAnsi bytes to show, possibly cut and ending in an ellipsis.</param>
/// <param name="Size">The font size in points.</param>
/// <param name="Width">The drawn width in points.</param>
internal readonly record struct FittedText(byte[] Text, double Size, double Width);
