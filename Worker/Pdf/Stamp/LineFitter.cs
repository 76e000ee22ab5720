namespace Worker.Pdf.Stamp;

/// <summary>Makes one line of text fit a width: first by shrinking, then by cutting with an ellipsis.</summary>
internal static class LineFitter
{
    /// <summary>Fits <paramref name="text"/> into <paramref name="width"/> points, never below <paramref name="minSize"/>.</summary>
    public static FittedText Fit(string text, StampFont font, double size, double minSize, double width)
    {
        var bytes = WinAnsi.Encode(text.Trim());
        var natural = HelveticaMetrics.Width(bytes, font, size);
        if (natural <= width)
        {
            return new FittedText(bytes, size, natural);
        }

        // Round down to what the stream will write, so the shrunk line cannot creep past the width.
        var shrunk = Math.Floor(size * width / natural * 1000) / 1000;
        if (shrunk >= minSize)
        {
            return new FittedText(bytes, shrunk, HelveticaMetrics.Width(bytes, font, shrunk));
        }

        return Truncate(bytes, font, minSize, width);
    }

    private static FittedText Truncate(byte[] bytes, StampFont font, double size, double width)
    {
        var ellipsisWidth = HelveticaMetrics.Width([WinAnsi.Ellipsis], font, size);
        var kept = 0;
        var keptWidth = 0.0;
        while (kept < bytes.Length)
        {
            var next = keptWidth + HelveticaMetrics.Width(bytes.AsSpan(kept, 1), font, size);
            if (next + ellipsisWidth > width)
            {
                break;
            }
            keptWidth = next;
            kept++;
        }
        if (keptWidth + ellipsisWidth > width)
        {
            return new FittedText([], size, 0);
        }

        // A cut right after a space would leave "Name …"; drop the trailing spaces.
        while (kept > 0 && bytes[kept - 1] == (byte)' ')
        {
            kept--;
        }
        byte[] shown = [.. bytes.AsSpan(0, kept), WinAnsi.Ellipsis];
        return new FittedText(shown, size, HelveticaMetrics.Width(shown, font, size));
    }
}
