namespace Worker.Pdf.Syntax;

/// <summary>
/// Reads objects from a <see cref="ByteSource"/>: direct values with an explicit stack (no recursion, nesting
/// capped), and indirect objects <c>N G obj … endobj</c> with their stream data located but not decoded.
/// </summary>
public sealed class PdfObjectReader(ByteSource source, SyntaxLimits limits)
{
    /// <summary>The bytes being read.</summary>
    public ByteSource Source => source;

    /// <summary>Reads the indirect object at <paramref name="offset"/>; <paramref name="length"/> resolves an indirect /Length.</summary>
    public IndirectObject ReadIndirect(long offset, Func<PdfReference, PdfValue?>? length = null)
    {
        var lexer = new PdfLexer(source, limits) { Position = offset };
        var number = lexer.Next();
        var generation = lexer.Next();
        var keyword = lexer.Next();
        if (number.Value is not PdfNumber { AsLong: { } n and >= 0 and <= int.MaxValue }
            || generation.Value is not PdfNumber { AsLong: { } g and >= 0 and <= 65535 }
            || keyword is not { Kind: PdfTokenKind.Keyword, Text: "obj" })
            throw new PdfSyntaxException($"no object header at offset {offset}");
        var value = ReadValue(lexer);
        var afterValue = lexer.Position;
        var next = lexer.Next();
        if (next is { Kind: PdfTokenKind.Keyword, Text: "stream" } && value is PdfDictionary dictionary)
            value = ReadStreamData(lexer, dictionary, length);
        else
            lexer.Position = afterValue;
        return new IndirectObject((int)n, (int)g, value);
    }

    /// <summary>Reads one direct value at the lexer's position.</summary>
    public PdfValue ReadValue(PdfLexer lexer)
    {
        var stack = new Stack<(bool Dictionary, List<PdfValue> Items)>();
        while (true)
        {
            var token = lexer.Next();
            PdfValue? done = null;
            switch (token.Kind)
            {
                case PdfTokenKind.End:
                    throw new PdfSyntaxException("the file ended inside an object");
                case PdfTokenKind.ArrayStart or PdfTokenKind.DictionaryStart:
                    if (stack.Count >= limits.MaxNesting) throw new PdfLimitException($"objects nested deeper than {limits.MaxNesting} levels");
                    stack.Push((token.Kind == PdfTokenKind.DictionaryStart, []));
                    continue;
                case PdfTokenKind.ArrayEnd:
                    if (stack.Count == 0 || stack.Peek().Dictionary) throw new PdfSyntaxException("an unexpected ']'");
                    done = new PdfArray(stack.Pop().Items);
                    break;
                case PdfTokenKind.DictionaryEnd:
                    if (stack.Count == 0 || !stack.Peek().Dictionary) throw new PdfSyntaxException("an unexpected '>>'");
                    done = Dictionary(stack.Pop().Items);
                    break;
                case PdfTokenKind.Number:
                    done = ReferenceOrNumber(lexer, (PdfNumber)token.Value!);
                    break;
                case PdfTokenKind.Name or PdfTokenKind.String:
                    done = token.Value;
                    break;
                case PdfTokenKind.Keyword:
                    done = token.Text switch
                    {
                        "true" => new PdfBoolean(true),
                        "false" => new PdfBoolean(false),
                        "null" => PdfNull.Instance,
                        _ => throw new PdfSyntaxException($"an unexpected '{token.Text}' inside an object"),
                    };
                    break;
            }
            if (stack.Count == 0) return done!;
            var items = stack.Peek().Items;
            if (items.Count >= limits.MaxContainerItems) throw new PdfLimitException("an array or dictionary with too many entries");
            items.Add(done!);
        }
    }

    private static PdfValue ReferenceOrNumber(PdfLexer lexer, PdfNumber number)
    {
        if (number.AsLong is not { } n || n < 0 || n > int.MaxValue) return number;
        var after = lexer.Position;
        var generation = lexer.Next();
        if (generation.Value is PdfNumber { AsLong: { } g and >= 0 and <= 65535 } && lexer.Next() is { Kind: PdfTokenKind.Keyword, Text: "R" })
            return new PdfReference((int)n, (int)g);
        lexer.Position = after;
        return number;
    }

    private static PdfDictionary Dictionary(List<PdfValue> items)
    {
        if (items.Count % 2 != 0) throw new PdfSyntaxException("a dictionary key has no value");
        var entries = new Dictionary<string, PdfValue>(items.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i += 2)
        {
            if (items[i] is not PdfName key) throw new PdfSyntaxException("a dictionary key that is not a name");
            entries[key.Value] = items[i + 1];
        }
        return new PdfDictionary(entries);
    }

    private PdfStream ReadStreamData(PdfLexer lexer, PdfDictionary dictionary, Func<PdfReference, PdfValue?>? resolve)
    {
        // After "stream" comes CRLF or LF (a lone CR is tolerated, as most readers do).
        var start = lexer.Position;
        if (source[start] == '\r') start++;
        if (source[start] == '\n') start++;
        var declared = dictionary["Length"] switch
        {
            PdfNumber n => n.AsLong,
            PdfReference r when resolve is not null => (resolve(r) as PdfNumber)?.AsLong,
            _ => null,
        };
        if (declared is { } length && length >= 0 && start + length <= source.Length && EndstreamFollows(start + length))
            return new PdfStream(dictionary, source, start, length);
        // Readers that repair allocate or seek by what /Length says, so one outside the file is hostile, not inexact.
        if (declared is < 0 || start + declared > source.Length)
            throw new PdfLimitException($"a stream's /Length ({declared}) is negative or runs past the end of the file");
        throw new PdfStreamLengthException(dictionary);
    }

    private bool EndstreamFollows(long position)
    {
        var lexer = new PdfLexer(source, limits) { Position = position };
        return lexer.Next() is { Kind: PdfTokenKind.Keyword, Text: "endstream" };
    }
}
