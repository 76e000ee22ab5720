namespace Worker.Pdf.Syntax;

/// <summary>The decoded data of one object stream (7.5.7) and the offsets of the objects it holds.</summary>
internal sealed class ObjectStreamContents
{
    private readonly int _streamNumber;
    private readonly ByteSource _data;
    private readonly PdfObjectReader _reader;
    private readonly SyntaxLimits _limits;
    private readonly long _first;
    private readonly (int Number, long Offset)[] _index;

    private ObjectStreamContents(int streamNumber, byte[] data, long first, (int, long)[] index, SyntaxLimits limits)
    {
        _streamNumber = streamNumber;
        _data = ByteSource.Of(data);
        _reader = new PdfObjectReader(_data, limits);
        _limits = limits;
        _first = first;
        _index = index;
    }

    public static ObjectStreamContents Read(int number, PdfStream stream, SyntaxLimits limits)
    {
        if (stream.Dictionary.Name("Type") != "ObjStm") throw new PdfSyntaxException($"object {number} is not an object stream");
        var count = stream.Dictionary.Integer("N") ?? -1;
        var first = stream.Dictionary.Integer("First") ?? -1;
        var data = StreamDecoder.Decode(stream, limits);
        if (count < 0 || first < 0 || first > data.Length || count > data.Length / 2)
            throw new PdfSyntaxException($"object stream {number} has a malformed /N or /First");
        var lexer = new PdfLexer(ByteSource.Of(data), limits);
        var index = new (int, long)[count];
        for (var i = 0; i < count; i++)
        {
            var objectNumber = lexer.Next();
            var offset = lexer.Next();
            if (objectNumber.Value is not PdfNumber { AsLong: { } n and >= 0 and <= int.MaxValue } || offset.Value is not PdfNumber { AsLong: { } o and >= 0 })
                throw new PdfSyntaxException($"object stream {number} has a malformed index");
            index[i] = ((int)n, o);
        }
        return new ObjectStreamContents(number, data, first, index, limits);
    }

    /// <summary>How many bytes the stream decoded to.</summary>
    public long Length => _data.Length;

    /// <summary>How many objects the stream's index lists.</summary>
    public int Count => _index.Length;

    /// <summary>The <paramref name="index"/>th object, whatever number it has.</summary>
    public PdfValue ReadAt(int index) => _reader.ReadValue(new PdfLexer(_data, _limits) { Position = _first + _index[index].Offset });

    public PdfValue Get(int number, int index)
    {
        if (index < 0 || index >= _index.Length || _index[index].Number != number)
            throw new PdfSyntaxException($"object {number} is not where the cross-reference says in object stream {_streamNumber}");
        var lexer = new PdfLexer(_data, _limits) { Position = _first + _index[index].Offset };
        return _reader.ReadValue(lexer);
    }
}
