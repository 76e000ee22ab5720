namespace Worker.Pdf.Syntax;

/// <summary>Reads one cross-reference section at an exact offset: a table (7.5.4) or an xref stream (7.5.8), never repaired.</summary>
public sealed class XrefSectionReader(ByteSource source, SyntaxLimits limits)
{
    private readonly PdfObjectReader _objects = new(source, limits);

    public XrefSection Read(long offset)
    {
        if (offset < 0 || offset >= source.Length) throw new PdfSyntaxException($"a cross-reference offset ({offset}) outside the file");
        var lexer = new PdfLexer(source, limits) { Position = offset };
        var first = lexer.Next();
        // The offset must name the section itself; white space before it is tolerated, anything else is not.
        if (first is { Kind: PdfTokenKind.Keyword, Text: "xref" })
            return ReadTable(offset, lexer);
        if (first.Kind == PdfTokenKind.Number)
            return ReadStream(offset);
        throw new PdfSyntaxException($"offset {offset} points to neither an xref table nor an xref stream");
    }

    private XrefSection ReadTable(long offset, PdfLexer lexer)
    {
        var entries = new Dictionary<int, XrefEntry>();
        while (true)
        {
            var token = lexer.Next();
            if (token is { Kind: PdfTokenKind.Keyword, Text: "trailer" }) break;
            var count = lexer.Next();
            if (token.Value is not PdfNumber { AsLong: { } start and >= 0 } || count.Value is not PdfNumber { AsLong: { } n and >= 0 })
                throw new PdfSyntaxException($"the xref table at offset {offset} is malformed");
            // Each entry takes 20 bytes, so a count the rest of the file cannot hold is a lie.
            if (n > (source.Length - lexer.Position) / 18 || entries.Count + n > limits.MaxXrefEntries || start + n > limits.MaxXrefEntries)
                throw new PdfLimitException($"the xref table at offset {offset} declares more entries than the file holds");
            for (var i = 0L; i < n; i++)
            {
                var location = lexer.Next();
                var generation = lexer.Next();
                var kind = lexer.Next();
                if (location.Value is not PdfNumber { AsLong: { } l and >= 0 } || generation.Value is not PdfNumber { AsLong: { } g and >= 0 and <= 99999 }
                    || kind is not { Kind: PdfTokenKind.Keyword, Text: "n" or "f" })
                    throw new PdfSyntaxException($"the xref table at offset {offset} has a malformed entry");
                // Free entries of some writers carry generation 65536, one past the limit; harmless, so accepted.
                entries[(int)(start + i)] = new XrefEntry(kind.Text == "n" ? XrefEntryKind.InUse : XrefEntryKind.Free, l, (int)g);
            }
        }
        if (_objects.ReadValue(lexer) is not PdfDictionary trailer)
            throw new PdfSyntaxException($"the trailer after the xref table at offset {offset} is not a dictionary");
        if (trailer.Integer("Size") is { } size) CheckObjectCount(size, offset, "/Size");
        if (trailer.Integer("XRefStm") is { } streamOffset)
            foreach (var (number, entry) in ReadStream(streamOffset).Entries)
                if (!entries.TryGetValue(number, out var existing) || existing.Kind == XrefEntryKind.Free)
                    entries[number] = entry;
        return new XrefSection { Offset = offset, IsTable = true, Entries = entries, Trailer = trailer };
    }

    private XrefSection ReadStream(long offset)
    {
        var indirect = _objects.ReadIndirect(offset);
        if (indirect.Value is not PdfStream { Dictionary: var dictionary } stream || dictionary.Name("Type") != "XRef")
            throw new PdfSyntaxException($"the object at offset {offset} is not an xref stream");
        // A width too large for a long (REDHAT-1531897-0.pdf has 166666666666666666666666666) is over the limit, not malformed.
        var widths = (dictionary["W"] as PdfArray)?.Items.Select(i => i is PdfNumber { Value: > 8 } ? long.MaxValue : (i as PdfNumber)?.AsLong ?? -1).ToArray();
        if (widths is not { Length: 3 } || widths.Any(w => w < 0))
            throw new PdfSyntaxException($"the xref stream at offset {offset} has a malformed /W");
        if (widths.Any(w => w > 8))
            throw new PdfLimitException($"the xref stream at offset {offset} has fields wider than 8 bytes in /W");
        var size = dictionary.Integer("Size") ?? -1;
        if (size is < 0)
            throw new PdfSyntaxException($"the xref stream at offset {offset} declares an impossible /Size");
        CheckObjectCount(size, offset, "/Size");
        var index = (dictionary["Index"] as PdfArray)?.Items.Select(i => (i as PdfNumber)?.AsLong ?? -1).ToArray() ?? [0, size];
        if (index.Length % 2 != 0 || index.Any(i => i < 0))
            throw new PdfSyntaxException($"the xref stream at offset {offset} has a malformed /Index");
        var width = (int)(widths[0] + widths[1] + widths[2]);
        var total = 0L;
        for (var i = 0; i < index.Length; i += 2) total += index[i + 1];
        if (width == 0)
            throw new PdfSyntaxException($"the xref stream at offset {offset} has a malformed /W");
        for (var i = 0; i < index.Length; i += 2) CheckObjectCount(index[i] + index[i + 1], offset, "/Index");
        CheckObjectCount(total, offset, "/Index");
        var data = StreamDecoder.Decode(stream, limits with { MaxDecodedStreamBytes = (int)Math.Min(limits.MaxDecodedStreamBytes, total * width + 1024), MaxInflationRatio = int.MaxValue });
        if (data.Length < total * width)
            throw new PdfSyntaxException($"the xref stream at offset {offset} holds fewer entries than its /Index says");
        var entries = new Dictionary<int, XrefEntry>();
        var position = 0;
        for (var i = 0; i < index.Length; i += 2)
            for (var k = 0L; k < index[i + 1]; k++, position += width)
            {
                var type = widths[0] == 0 ? 1 : Field(data, position, (int)widths[0]);
                var second = Field(data, position + (int)widths[0], (int)widths[1]);
                var third = Field(data, position + (int)(widths[0] + widths[1]), (int)widths[2]);
                var kind = type switch { 0 => XrefEntryKind.Free, 1 => XrefEntryKind.InUse, 2 => XrefEntryKind.Compressed, _ => (XrefEntryKind?)null };
                // Unknown types are to be treated as references to the null object (7.5.8.3).
                if (kind is { } known) entries[(int)(index[i] + k)] = new XrefEntry(known, second, (int)Math.Min(third, int.MaxValue));
            }
        return new XrefSection { Offset = offset, IsTable = false, Entries = entries, Trailer = dictionary };
    }

    // Readers size their tables by these counts, so a count the file's length cannot back is refused before anything is allocated.
    private void CheckObjectCount(long count, long offset, string key)
    {
        var allowed = Math.Min(limits.MaxXrefEntries, Math.Max(limits.ObjectsAlwaysAllowed, source.Length / limits.MinBytesPerObject));
        if (count > allowed)
            throw new PdfLimitException($"the cross-reference section at offset {offset} declares {count} objects in {key}, more than a file of {source.Length} bytes can hold");
    }

    private static long Field(byte[] data, int position, int width)
    {
        var value = 0L;
        for (var i = 0; i < width; i++) value = (value << 8) | data[position + i];
        return value;
    }
}
