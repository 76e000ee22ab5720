namespace Worker.Pdf.Verification;

/// <summary>
/// Finds where one ASN.1 element ends in BER (definite or indefinite lengths, as NSS writes CMS), so the zero
/// padding of a /Contents placeholder can be cut off without re-encoding the signed data.
/// </summary>
internal static class BerElement
{
    private const int MaxDepth = 64;

    /// <summary>The element's total length in bytes, or null when it is not well-formed; <paramref name="indefinite"/> tells whether any length was indefinite.</summary>
    public static int? Length(ReadOnlySpan<byte> data, out bool indefinite)
    {
        indefinite = false;
        return Measure(data, 0, ref indefinite);
    }

    private static int? Measure(ReadOnlySpan<byte> data, int depth, ref bool indefinite)
    {
        if (depth > MaxDepth || data.Length < 2) return null;
        var position = 1;
        if ((data[0] & 0x1F) == 0x1F)
        {
            // High tag numbers: base-128 digits until one without the top bit.
            while (position < data.Length && (data[position] & 0x80) != 0) position++;
            position++;
        }
        if (position >= data.Length) return null;
        var first = data[position++];
        if (first < 0x80)
            return position + first <= data.Length ? position + first : null;
        if (first == 0x80)
        {
            // Indefinite length: only a constructed element may have one; its contents end with two zero bytes.
            if ((data[0] & 0x20) == 0) return null;
            indefinite = true;
            while (true)
            {
                if (position + 2 > data.Length) return null;
                if (data[position] == 0 && data[position + 1] == 0) return position + 2;
                var inner = Measure(data[position..], depth + 1, ref indefinite);
                if (inner is null) return null;
                position += inner.Value;
            }
        }
        var count = first & 0x7F;
        if (count > 4 || position + count > data.Length) return null;
        long length = 0;
        for (var i = 0; i < count; i++) length = (length << 8) | data[position + i];
        position += count;
        return position + length <= data.Length ? (int)(position + length) : null;
    }
}
