namespace Worker.Pdf.Stamp;

/// <summary>One text item of the stamp (it may wrap onto several lines) and how it is styled.</summary>
/// <param name="Text">The item's text, before encoding.</param>
/// <param name="Resource">The font resource name in the content stream, e.g. F2.</param>
/// <param name="Font">Which Helvetica the resource names, for measuring.</param>
/// <param name="Scale">The item's size relative to the block's font size.</param>
/// <param name="Gray">The fill gray level, 0 black to 1 white.</param>
internal readonly record struct StampLine(string Text, string Resource, StampFont Font, double Scale, double Gray);
