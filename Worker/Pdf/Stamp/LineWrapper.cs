namespace Worker.Pdf.Stamp;

/// <summary>Breaks text into lines that fit a width, between words; a word wider than the line is broken inside.</summary>
internal static class LineWrapper
{
    /// <summary>The WinAnsi lines of <paramref name="text"/> at <paramref name="size"/> points, none wider than <paramref name="width"/>.</summary>
    public static List<byte[]> Wrap(string text, StampFont font, double size, double width)
    {
        var lines = new List<byte[]>();
        var current = new List<byte>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(WinAnsi.Encode))
        {
            byte[] candidate = current.Count == 0 ? word : [.. current, (byte)' ', .. word];
            if (Fits(candidate, font, size, width))
            {
                current = [.. candidate];
                continue;
            }
            if (current.Count > 0) lines.Add([.. current]);
            current = [.. BreakLongWord(word, font, size, width, lines)];
        }
        if (current.Count > 0) lines.Add([.. current]);
        return lines;
    }

    /// <summary>True when <paramref name="line"/> is no wider than <paramref name="width"/>.</summary>
    public static bool Fits(ReadOnlySpan<byte> line, StampFont font, double size, double width) =>
        HelveticaMetrics.Width(line, font, size) <= width;

    // Full pieces go to the lines; the rest starts the next line. At least one character per line, so the loop ends.
    private static byte[] BreakLongWord(byte[] word, StampFont font, double size, double width, List<byte[]> lines)
    {
        var start = 0;
        while (!Fits(word.AsSpan(start), font, size, width))
        {
            var end = start + 1;
            while (end < word.Length && Fits(word.AsSpan(start, end - start + 1), font, size, width)) end++;
            lines.Add(word[start..end]);
            start = end;
        }
        return word[start..];
    }
}
