namespace Worker.Pdf.Stamp;

/// <summary>One text line of the stamp and how it is styled.</summary>
/// <param name="Text">The line's text, before encoding.</param>
/// <param name="Resource">The font resource name in the content stream, e.g. F2.</param>
/// <param name="Font">Which Helvetica the resource names, for measuring.</param>
/// <param name="Scale">The line's size relative to the block's font size.</param>
/// <param name="Gray">The fill gray level, 0 black to 1 white.</param>
/// <param name="FitsAlone">True when the line shrinks or is cut on its own instead of shrinking the whole block.</param>
internal readonly record struct StampLine(string Text, string Resource, StampFont Font, double Scale, double Gray, bool FitsAlone);
